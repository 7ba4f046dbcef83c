package io.bedside.identity.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/** The {@code invitation} table: one-time links by the SHA-256 of their token, never the token itself. */
@Repository
class InvitationRows {

    private final JdbcClient jdbc;

    InvitationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(PracticeId practice, UserId user, String purpose, String hash, Instant now, Instant expiresAt) {
        jdbc.sql("""
                insert into invitation (id, practice_id, user_id, purpose, token_hash, created_at, expires_at)
                values (:id, :practice, :user, :purpose, :hash, :now, :expires)""")
                .param("id", UUID.randomUUID()).param("practice", practice.value()).param("user", user.value())
                .param("purpose", purpose).param("hash", hash)
                .param("now", Timestamps.toDb(now)).param("expires", Timestamps.toDb(expiresAt))
                .update();
    }

    /** Ends every open link of the account for this purpose. */
    void revoke(PracticeId practice, UserId user, String purpose, Instant now) {
        jdbc.sql("""
                update invitation set used_at = :now
                 where practice_id = :practice and user_id = :user and purpose = :purpose and used_at is null""")
                .param("now", Timestamps.toDb(now)).param("practice", practice.value())
                .param("user", user.value()).param("purpose", purpose).update();
    }

    /** The open invitation with this token hash, if any. */
    Optional<Invitations.Open> open(String hash, String purpose, Instant now) {
        return jdbc.sql("""
                select id, practice_id, user_id, expires_at from invitation
                 where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > :now""")
                .param("hash", hash).param("purpose", purpose)
                .param("now", Timestamps.toDb(now))
                .query((rs, n) -> new Invitations.Open(rs.getObject("id", UUID.class),
                        PracticeId.of(rs.getObject("practice_id", UUID.class)),
                        UserId.of(rs.getObject("user_id", UUID.class)), Timestamps.fromDb(rs, "expires_at")))
                .optional();
    }

    /** Marks the invitation used: true for exactly one caller, however many try at once. */
    boolean spend(UUID invitationId, Instant now) {
        return jdbc.sql("""
                update invitation set used_at = :now
                 where id = :id and used_at is null and expires_at > :now""")
                .param("now", Timestamps.toDb(now)).param("id", invitationId)
                .update() == 1;
    }
}
