package io.bedside.identity.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/**
 * One-time links. A token is 256 random bits, shown once and stored as its SHA-256; it is spent by
 * one conditional update that only one request can win, and it expires. Every method runs in the
 * caller's transaction.
 */
@Service
public class Invitations {

    /** An open invitation: whose, and until when. */
    public record Open(UUID id, PracticeId practiceId, UserId userId, Instant expiresAt) {
    }

    /** A token and when it stops working. */
    public record IssuedLink(String token, Instant expiresAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final InvitationRows rows;
    private final Clock clock;

    Invitations(InvitationRows rows, Clock clock) {
        this.rows = rows;
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
        rows.insert(practice, user, purpose, TokenHashes.sha256(token), now, now.plus(ttl));
        return new IssuedLink(token, now.plus(ttl));
    }

    /** Ends every open link of the account for this purpose. */
    public void revoke(PracticeId practice, UserId user, String purpose) {
        rows.revoke(practice, user, purpose, Timestamps.now(clock));
    }

    /** The invitation behind a token, if it is still open; looking does not spend it. */
    public Optional<Open> peek(String token, String purpose) {
        return rows.open(TokenHashes.sha256(token == null ? "" : token), purpose, Timestamps.now(clock));
    }

    /** Spends the token: true for exactly one caller, however many try at once. */
    public boolean spend(UUID invitationId) {
        return rows.spend(invitationId, Timestamps.now(clock));
    }
}
