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
import org.springframework.stereotype.Service;

import io.bedside.identity.AuthProperties;
import io.bedside.identity.IssuedToken;
import io.bedside.identity.SignInsEnded;
import io.bedside.shared.PracticeId;
import io.bedside.shared.UserId;

/**
 * API bearer tokens: 256 random bits, shown once, stored as their SHA-256 (a fast hash is right
 * here: the input is random, not a password), expiring, revocable. Every method runs in the
 * caller's transaction; revoking tells what holds a token open (an event stream).
 */
@Service
public class ApiTokens {

    /** A token that authenticated a request. */
    public record Valid(UUID tokenId, UserAccount account, Instant lastUsedAt) {
    }

    /** A token as its owner sees it on the devices list. */
    public record Row(UUID id, Instant createdAt, Instant lastUsedAt, String device) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenRows rows;
    private final Clock clock;
    private final AuthProperties properties;
    private final ApplicationEventPublisher events;

    ApiTokens(ApiTokenRows rows, Clock clock, AuthProperties properties, ApplicationEventPublisher events) {
        this.rows = rows;
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
        rows.insert(practice, user, TokenHashes.sha256(token), now, expiresAt, device);
        return new IssuedToken(token, expiresAt);
    }

    /** The account behind a token that is known, unexpired, unrevoked and whose account is active. */
    public Optional<Valid> authenticate(String token) {
        return rows.valid(TokenHashes.sha256(token), clock.instant());
    }

    /** Of these token ids, those still valid: unrevoked, unexpired, and their account active. */
    public List<UUID> stillValid(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return rows.stillValid(ids, clock.instant());
    }

    /** Notes that the token was used, at most once a minute (one read per request otherwise). */
    void touch(Valid valid) {
        Instant now = clock.instant();
        if (valid.lastUsedAt() != null && valid.lastUsedAt().plus(SessionRegistry.TOUCH_EVERY).isAfter(now)) {
            return;
        }
        rows.touch(valid.tokenId(), now);
    }

    /** The account's tokens still valid, newest use first. */
    public List<Row> open(PracticeId practice, UserId user) {
        return rows.open(practice, user, clock.instant());
    }

    /** Revokes one token of the account; false when it is not theirs, or already revoked. */
    public boolean revoke(PracticeId practice, UserId user, UUID id) {
        return ended(user, rows.revoke(practice, user, id, clock.instant())) == 1;
    }

    /** Revokes every token of the account but this one (none kept when null). */
    public int revokeAllExcept(PracticeId practice, UserId user, UUID keep) {
        return ended(user, rows.revokeAllExcept(practice, user, keep == null ? new UUID(0, 0) : keep, clock.instant()));
    }

    /** Revokes the token in use (the API's sign-out). */
    public void revoke(UUID tokenId) {
        var owner = rows.owner(tokenId);
        int revoked = rows.revoke(tokenId, clock.instant());
        owner.ifPresent(user -> ended(UserId.of(user), revoked));
    }

    /** Revokes every token of the account (a closed patient account). */
    public void revokeAll(UserId user) {
        ended(user, rows.revokeAll(user, clock.instant()));
    }

    /** Tells what holds a token open (an event stream) that some of the account's tokens ended. */
    private int ended(UserId user, int revoked) {
        if (revoked > 0) {
            events.publishEvent(new SignInsEnded(user));
        }
        return revoked;
    }
}
