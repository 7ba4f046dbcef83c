package io.bedside.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/** The {@code staff_coverage} table: one out-of-office period per member of staff, with their delegate. */
@Repository
class CoverageRows {

    record Row(UserId userId, PracticeId practiceId, Instant startsAt, Instant endsAt, UserId delegateId) {
    }

    private final JdbcClient jdbc;

    CoverageRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(PracticeId practice, UserId user) {
        return jdbc.sql("select * from staff_coverage where practice_id = :practice and user_id = :user")
                .param("practice", practice.value()).param("user", user.value()).query(CoverageRows::row).optional();
    }

    /** The periods of these members of staff that cover this instant. */
    List<Row> awayAt(PracticeId practice, Collection<UserId> users, Instant at) {
        if (users.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select * from staff_coverage
                 where practice_id = :practice and user_id in (:users) and starts_at <= :at and ends_at > :at""")
                .param("practice", practice.value()).param("users", users.stream().map(UserId::value).toList())
                .param("at", Timestamps.toDb(at)).query(CoverageRows::row).list();
    }

    void save(Row row, Instant now) {
        int updated = jdbc.sql("""
                update staff_coverage set starts_at = :starts, ends_at = :ends, delegate_id = :delegate, updated_at = :now
                 where practice_id = :practice and user_id = :user""")
                .param("starts", Timestamps.toDb(row.startsAt())).param("ends", Timestamps.toDb(row.endsAt()))
                .param("delegate", row.delegateId().value()).param("now", Timestamps.toDb(now))
                .param("practice", row.practiceId().value()).param("user", row.userId().value()).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into staff_coverage (user_id, practice_id, starts_at, ends_at, delegate_id, updated_at)
                    values (:user, :practice, :starts, :ends, :delegate, :now)""")
                    .param("user", row.userId().value()).param("practice", row.practiceId().value())
                    .param("starts", Timestamps.toDb(row.startsAt())).param("ends", Timestamps.toDb(row.endsAt()))
                    .param("delegate", row.delegateId().value()).param("now", Timestamps.toDb(now)).update();
        }
    }

    boolean delete(PracticeId practice, UserId user) {
        return jdbc.sql("delete from staff_coverage where practice_id = :practice and user_id = :user")
                .param("practice", practice.value()).param("user", user.value()).update() > 0;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(UserId.of(rs.getObject("user_id", UUID.class)),
                PracticeId.of(rs.getObject("practice_id", UUID.class)), Timestamps.fromDb(rs, "starts_at"),
                Timestamps.fromDb(rs, "ends_at"), UserId.of(rs.getObject("delegate_id", UUID.class)));
    }
}
