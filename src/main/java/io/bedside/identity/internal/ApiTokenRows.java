package io.bedside.identity.internal;

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

/** The {@code api_token} table: tokens by the SHA-256 of their secret, never the secret itself. */
@Repository
class ApiTokenRows {

    private final JdbcClient jdbc;

    ApiTokenRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(PracticeId practice, UserId user, String hash, Instant now, Instant expiresAt, String device) {
        jdbc.sql("""
                insert into api_token (id, practice_id, user_id, token_hash, created_at, expires_at, device)
                values (:id, :practice, :user, :hash, :now, :expires, :device)""")
                .param("id", UUID.randomUUID())
                .param("practice", practice.value())
                .param("user", user.value())
                .param("hash", hash)
                .param("now", Timestamps.toDb(now))
                .param("expires", Timestamps.toDb(expiresAt))
                .param("device", device)
                .update();
    }

    /** The account behind a token hash that is known, unexpired, unrevoked and whose account is active. */
    Optional<ApiTokens.Valid> valid(String hash, Instant now) {
        return jdbc.sql("""
                select t.id as token_id, t.last_used_at as token_last_used_at, a.*
                  from api_token t join user_account a on a.id = t.user_id and a.practice_id = t.practice_id
                 where t.token_hash = :hash and t.revoked_at is null and t.expires_at > :now and a.active""")
                .param("hash", hash)
                .param("now", Timestamps.toDb(now))
                .query((rs, n) -> new ApiTokens.Valid(rs.getObject("token_id", UUID.class), UserAccountRows.map(rs, n),
                        Timestamps.fromDb(rs, "token_last_used_at")))
                .optional();
    }

    /** Of these token ids, those still valid: unrevoked, unexpired, and their account active. */
    List<UUID> stillValid(Collection<UUID> ids, Instant now) {
        return jdbc.sql("""
                select t.id from api_token t join user_account a on a.id = t.user_id and a.practice_id = t.practice_id
                 where t.id in (:ids) and t.revoked_at is null and t.expires_at > :now and a.active""")
                .param("ids", ids).param("now", Timestamps.toDb(now)).query(UUID.class).list();
    }

    void touch(UUID id, Instant now) {
        jdbc.sql("update api_token set last_used_at = :now where id = :id")
                .param("now", Timestamps.toDb(now)).param("id", id).update();
    }

    /** The account's tokens still valid, newest use first. */
    List<ApiTokens.Row> open(PracticeId practice, UserId user, Instant now) {
        return jdbc.sql("""
                select id, created_at, last_used_at, device from api_token
                 where practice_id = :practice and user_id = :user and revoked_at is null and expires_at > :now
                 order by coalesce(last_used_at, created_at) desc""")
                .param("practice", practice.value()).param("user", user.value())
                .param("now", Timestamps.toDb(now))
                .query((rs, n) -> new ApiTokens.Row(rs.getObject("id", UUID.class), Timestamps.fromDb(rs, "created_at"),
                        Timestamps.fromDb(rs, "last_used_at"), rs.getString("device")))
                .list();
    }

    /** Revokes one token of the account; how many were (0 when it is not theirs, or already revoked). */
    int revoke(PracticeId practice, UserId user, UUID id, Instant now) {
        return jdbc.sql("""
                update api_token set revoked_at = :now
                 where id = :id and practice_id = :practice and user_id = :user and revoked_at is null""")
                .param("now", Timestamps.toDb(now)).param("id", id).param("practice", practice.value())
                .param("user", user.value()).update();
    }

    /** Revokes every token of the account but {@code keep}; how many were. */
    int revokeAllExcept(PracticeId practice, UserId user, UUID keep, Instant now) {
        return jdbc.sql("""
                update api_token set revoked_at = :now
                 where practice_id = :practice and user_id = :user and revoked_at is null and id <> :keep""")
                .param("now", Timestamps.toDb(now)).param("practice", practice.value())
                .param("user", user.value()).param("keep", keep).update();
    }

    Optional<UUID> owner(UUID tokenId) {
        return jdbc.sql("select user_id from api_token where id = :id").param("id", tokenId).query(UUID.class)
                .optional();
    }

    /** Revokes the token; how many were (0 when it already was). */
    int revoke(UUID tokenId, Instant now) {
        return jdbc.sql("update api_token set revoked_at = :now where id = :id and revoked_at is null")
                .param("id", tokenId)
                .param("now", Timestamps.toDb(now))
                .update();
    }

    /** Revokes every token of the account; how many were. */
    int revokeAll(UserId user, Instant now) {
        return jdbc.sql("update api_token set revoked_at = :now where user_id = :user and revoked_at is null")
                .param("user", user.value()).param("now", Timestamps.toDb(now)).update();
    }
}
