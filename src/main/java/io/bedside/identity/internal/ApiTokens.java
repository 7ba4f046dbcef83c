package io.bedside.identity.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.identity.AuthProperties;
import io.bedside.identity.IssuedToken;
import io.bedside.identity.SignInsEnded;
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
    public record Valid(UUID tokenId, UserAccountRows.Account account, Instant lastUsedAt) {
    }

    /** A token as its owner sees it on the devices list. */
    public record Row(UUID id, Instant createdAt, Instant lastUsedAt, String device) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuthProperties properties;
    private final ApplicationEventPublisher events;

    ApiTokens(JdbcClient jdbc, Clock clock, AuthProperties properties, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.events = events;
    }

    public IssuedToken issue(UserId user, PracticeId practice, String device) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.tokenTtl());
        jdbc.sql("""
                insert into api_token (id, practice_id, user_id, token_hash, created_at, expires_at, device)
                values (:id, :practice, :user, :hash, :now, :expires, :device)""")
                .param("id", UUID.randomUUID())
                .param("practice", practice.value())
                .param("user", user.value())
                .param("hash", TokenHashes.sha256(token))
                .param("now", Timestamps.toDb(now))
                .param("expires", Timestamps.toDb(expiresAt))
                .param("device", device)
                .update();
        return new IssuedToken(token, expiresAt);
    }

    /** The account behind a token that is known, unexpired, unrevoked and whose account is active. */
    public Optional<Valid> authenticate(String token) {
        return jdbc.sql("""
                select t.id as token_id, t.last_used_at as token_last_used_at, a.*
                  from api_token t join user_account a on a.id = t.user_id and a.practice_id = t.practice_id
                 where t.token_hash = :hash and t.revoked_at is null and t.expires_at > :now and a.active""")
                .param("hash", TokenHashes.sha256(token))
                .param("now", Timestamps.toDb(clock.instant()))
                .query((rs, n) -> new Valid(rs.getObject("token_id", UUID.class), UserAccountRows.map(rs, n),
                        Timestamps.fromDb(rs, "token_last_used_at")))
                .optional();
    }

    /** Of these token ids, those still valid: unrevoked, unexpired, and their account active. */
    public List<UUID> stillValid(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select t.id from api_token t join user_account a on a.id = t.user_id and a.practice_id = t.practice_id
                 where t.id in (:ids) and t.revoked_at is null and t.expires_at > :now and a.active""")
                .param("ids", ids).param("now", Timestamps.toDb(clock.instant())).query(UUID.class).list();
    }

    /** Notes that the token was used, at most once a minute (one read per request otherwise). */
    void touch(Valid valid) {
        Instant now = clock.instant();
        if (valid.lastUsedAt() != null && valid.lastUsedAt().plus(SessionRegistry.TOUCH_EVERY).isAfter(now)) {
            return;
        }
        jdbc.sql("update api_token set last_used_at = :now where id = :id")
                .param("now", Timestamps.toDb(now)).param("id", valid.tokenId()).update();
    }

    /** The account's tokens still valid, newest use first. */
    public List<Row> open(PracticeId practice, UserId user) {
        return jdbc.sql("""
                select id, created_at, last_used_at, device from api_token
                 where practice_id = :practice and user_id = :user and revoked_at is null and expires_at > :now
                 order by coalesce(last_used_at, created_at) desc""")
                .param("practice", practice.value()).param("user", user.value())
                .param("now", Timestamps.toDb(clock.instant()))
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), Timestamps.fromDb(rs, "created_at"),
                        Timestamps.fromDb(rs, "last_used_at"), rs.getString("device")))
                .list();
    }

    /** Revokes one token of the account; false when it is not theirs, or already revoked. */
    public boolean revoke(PracticeId practice, UserId user, UUID id) {
        return ended(user, jdbc.sql("""
                update api_token set revoked_at = :now
                 where id = :id and practice_id = :practice and user_id = :user and revoked_at is null""")
                .param("now", Timestamps.toDb(clock.instant())).param("id", id).param("practice", practice.value())
                .param("user", user.value()).update()) == 1;
    }

    /** Revokes every token of the account but this one (none kept when null). */
    public int revokeAllExcept(PracticeId practice, UserId user, UUID keep) {
        return ended(user, jdbc.sql("""
                update api_token set revoked_at = :now
                 where practice_id = :practice and user_id = :user and revoked_at is null and id <> :keep""")
                .param("now", Timestamps.toDb(clock.instant())).param("practice", practice.value())
                .param("user", user.value()).param("keep", keep == null ? new UUID(0, 0) : keep).update());
    }

    /** Revokes the token in use (the API's sign-out). */
    public void revoke(UUID tokenId) {
        var owner = jdbc.sql("select user_id from api_token where id = :id").param("id", tokenId).query(UUID.class)
                .optional();
        int revoked = jdbc.sql("update api_token set revoked_at = :now where id = :id and revoked_at is null")
                .param("id", tokenId)
                .param("now", Timestamps.toDb(clock.instant()))
                .update();
        owner.ifPresent(user -> ended(UserId.of(user), revoked));
    }

    /** Revokes every token of the account (a closed patient account). */
    public void revokeAll(UserId user) {
        ended(user, jdbc.sql("update api_token set revoked_at = :now where user_id = :user and revoked_at is null")
                .param("user", user.value()).param("now", Timestamps.toDb(clock.instant())).update());
    }

    /** Tells what holds a token open (an event stream) that some of the account's tokens ended. */
    private int ended(UserId user, int revoked) {
        if (revoked > 0) {
            events.publishEvent(new SignInsEnded(user));
        }
        return revoked;
    }
}
