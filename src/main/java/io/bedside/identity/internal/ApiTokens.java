package io.bedside.identity.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.identity.AuthProperties;
import io.bedside.identity.IssuedToken;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/**
 * API bearer tokens: 256 random bits, shown once, stored as their SHA-256 (a fast hash is right
 * here: the input is random, not a password), expiring, revocable.
 */
@Repository
public class ApiTokens {

    /** A token that authenticated a request. */
    public record Valid(UUID tokenId, UserAccounts.Account account) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuthProperties properties;

    ApiTokens(JdbcClient jdbc, Clock clock, AuthProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    public IssuedToken issue(UserId user, PracticeId practice) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.tokenTtl());
        jdbc.sql("""
                insert into api_token (id, practice_id, user_id, token_hash, created_at, expires_at)
                values (:id, :practice, :user, :hash, :now, :expires)""")
                .param("id", UUID.randomUUID())
                .param("practice", practice.value())
                .param("user", user.value())
                .param("hash", TokenHashes.sha256(token))
                .param("now", Timestamps.toDb(now))
                .param("expires", Timestamps.toDb(expiresAt))
                .update();
        return new IssuedToken(token, expiresAt);
    }

    /** The account behind a token that is known, unexpired, unrevoked and whose account is active. */
    public Optional<Valid> authenticate(String token) {
        return jdbc.sql("""
                select t.id as token_id, a.*
                  from api_token t join user_account a on a.id = t.user_id and a.practice_id = t.practice_id
                 where t.token_hash = :hash and t.revoked_at is null and t.expires_at > :now and a.active""")
                .param("hash", TokenHashes.sha256(token))
                .param("now", Timestamps.toDb(clock.instant()))
                .query((rs, n) -> new Valid(rs.getObject("token_id", UUID.class), UserAccounts.map(rs, n)))
                .optional();
    }

    public void revoke(UUID tokenId) {
        jdbc.sql("update api_token set revoked_at = :now where id = :id and revoked_at is null")
                .param("id", tokenId)
                .param("now", Timestamps.toDb(clock.instant()))
                .update();
    }

    /** Revokes every token of the account (a closed patient account). */
    public void revokeAll(UserId user) {
        jdbc.sql("update api_token set revoked_at = :now where user_id = :user and revoked_at is null")
                .param("user", user.value()).param("now", Timestamps.toDb(clock.instant())).update();
    }
}
