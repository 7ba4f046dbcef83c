package io.bedside.identity.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/**
 * One-time links. A token is 256 random bits, shown once and stored as its SHA-256; it is spent by
 * one conditional update that only one request can win, and it expires.
 */
@Repository
public class Invitations {

    /** An open invitation: whose, and until when. */
    public record Open(UUID id, PracticeId practiceId, UserId userId, Instant expiresAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    Invitations(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new link token for the account; earlier open ones for the same purpose stop working. */
    public IssuedLink issue(PracticeId practice, UserId user, String purpose, Duration ttl) {
        return issue(practice, user, purpose, ttl, true);
    }

    /**
     * A second link to the same open invitation (the one in the email, beside the one the admin
     * was shown): both work until either is used, since using one ends the invitation.
     */
    public IssuedLink issueAnother(PracticeId practice, UserId user, String purpose, Duration ttl) {
        return issue(practice, user, purpose, ttl, false);
    }

    private IssuedLink issue(PracticeId practice, UserId user, String purpose, Duration ttl, boolean revokeEarlier) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = Timestamps.now(clock);
        if (revokeEarlier) {
            revoke(practice, user, purpose);
        }
        jdbc.sql("""
                insert into invitation (id, practice_id, user_id, purpose, token_hash, created_at, expires_at)
                values (:id, :practice, :user, :purpose, :hash, :now, :expires)""")
                .param("id", UUID.randomUUID()).param("practice", practice.value()).param("user", user.value())
                .param("purpose", purpose).param("hash", TokenHashes.sha256(token))
                .param("now", Timestamps.toDb(now)).param("expires", Timestamps.toDb(now.plus(ttl)))
                .update();
        return new IssuedLink(token, now.plus(ttl));
    }

    /** Ends every open link of the account for this purpose. */
    public void revoke(PracticeId practice, UserId user, String purpose) {
        jdbc.sql("""
                update invitation set used_at = :now
                 where practice_id = :practice and user_id = :user and purpose = :purpose and used_at is null""")
                .param("now", Timestamps.toDb(Timestamps.now(clock))).param("practice", practice.value())
                .param("user", user.value()).param("purpose", purpose).update();
    }

    /** A token and when it stops working. */
    public record IssuedLink(String token, Instant expiresAt) {
    }

    /** The invitation behind a token, if it is still open; looking does not spend it. */
    public Optional<Open> peek(String token, String purpose) {
        return jdbc.sql("""
                select id, practice_id, user_id, expires_at from invitation
                 where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > :now""")
                .param("hash", TokenHashes.sha256(token == null ? "" : token)).param("purpose", purpose)
                .param("now", Timestamps.toDb(Timestamps.now(clock)))
                .query((rs, n) -> new Open(rs.getObject("id", UUID.class),
                        PracticeId.of(rs.getObject("practice_id", UUID.class)),
                        UserId.of(rs.getObject("user_id", UUID.class)), Timestamps.fromDb(rs, "expires_at")))
                .optional();
    }

    /** Spends the token: true for exactly one caller, however many try at once. */
    public boolean spend(UUID invitationId) {
        Instant now = Timestamps.now(clock);
        return jdbc.sql("""
                update invitation set used_at = :now
                 where id = :id and used_at is null and expires_at > :now""")
                .param("now", Timestamps.toDb(now)).param("id", invitationId)
                .update() == 1;
    }
}
