package io.bedside.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/** The {@code email_change} table: a patient's new address, waiting for its link. At most one pending per account. */
@Repository
class EmailChangeRows {

    /** A change as asked for. Holds email addresses: never log it. */
    record Change(UUID id, PracticeId practiceId, UserId userId, String newEmail, String oldEmail,
            Instant expiresAt) {
        @Override
        public String toString() {
            return "Change[" + id + "]";
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    EmailChangeRows(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a new pending change; an earlier pending one of the account is cancelled. */
    Change request(PracticeId practice, UserId user, String newEmail, String oldEmail, Duration ttl) {
        cancelPending(practice, user);
        Instant now = Timestamps.now(clock);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into email_change (id, practice_id, user_id, new_email, old_email, created_at, expires_at)
                values (:id, :practice, :user, :new, :old, :now, :expires)""")
                .param("id", id).param("practice", practice.value()).param("user", user.value())
                .param("new", newEmail).param("old", oldEmail).param("now", Timestamps.toDb(now))
                .param("expires", Timestamps.toDb(now.plus(ttl))).update();
        return new Change(id, practice, user, newEmail, oldEmail, now.plus(ttl));
    }

    void cancelPending(PracticeId practice, UserId user) {
        jdbc.sql("""
                update email_change set cancelled_at = :now
                 where practice_id = :practice and user_id = :user and confirmed_at is null and cancelled_at is null""")
                .param("now", Timestamps.toDb(Timestamps.now(clock))).param("practice", practice.value())
                .param("user", user.value()).update();
    }

    /** The account's change still waiting for confirmation, unexpired. */
    Optional<Change> pending(PracticeId practice, UserId user) {
        return jdbc.sql("""
                select * from email_change
                 where practice_id = :practice and user_id = :user and confirmed_at is null and cancelled_at is null
                   and expires_at > :now
                 order by created_at desc limit 1""")
                .param("practice", practice.value()).param("user", user.value())
                .param("now", Timestamps.toDb(Timestamps.now(clock)))
                .query(EmailChangeRows::map).optional();
    }

    /** Marks the change made: true for exactly one caller. */
    boolean confirm(UUID id) {
        return jdbc.sql("""
                update email_change set confirmed_at = :now
                 where id = :id and confirmed_at is null and cancelled_at is null""")
                .param("now", Timestamps.toDb(Timestamps.now(clock))).param("id", id).update() == 1;
    }

    /** A change that was made, for the notice to its old address. */
    Optional<Change> confirmed(PracticeId practice, UUID id) {
        return jdbc.sql("select * from email_change where id = :id and practice_id = :practice and confirmed_at is not null")
                .param("id", id).param("practice", practice.value()).query(EmailChangeRows::map).optional();
    }

    private static Change map(ResultSet rs, int n) throws SQLException {
        return new Change(rs.getObject("id", UUID.class), PracticeId.of(rs.getObject("practice_id", UUID.class)),
                UserId.of(rs.getObject("user_id", UUID.class)), rs.getString("new_email"), rs.getString("old_email"),
                Timestamps.fromDb(rs, "expires_at"));
    }
}
