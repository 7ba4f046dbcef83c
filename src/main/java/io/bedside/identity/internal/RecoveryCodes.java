package io.bedside.identity.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.audit.AuditAction;
import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.identity.CredentialChange;
import io.bedside.identity.CredentialChanged;
import io.bedside.shared.Actor;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/**
 * Recovery codes for staff two-step sign-in: ten single-use codes a member of staff keeps on paper
 * for the day their phone is lost, each accepted once in place of the authenticator's six digits.
 *
 * <p>A code is ten characters of Crockford's base 32 (no I, L, O or U; read back case-blind, with O
 * taken for 0 and I or L for 1), shown as {@code xxxxx-xxxxx}: 50 random bits from a
 * {@link SecureRandom}. Only SHA-256 over the account id and the code is kept ({@link TokenHashes}'s
 * fast hash: Argon2 would cost ten hashes per attempt, since a salted hash cannot be looked up; the
 * account id in the hash means a stolen table must be attacked one account at a time, and a sign-in
 * still needs the account's password). A code is spent by one conditional update, audited, and told
 * to the account's email ({@link CredentialChanged}); new codes void every old one and need the
 * current password.
 */
@Component
public class RecoveryCodes {

    /** How many codes a set holds. */
    public static final int COUNT = 10;

    /** At or below this many codes left, the pages urge making new ones. */
    public static final int FEW = 2;

    private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
    private static final int LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();
    // Longer than any password accepted; anything longer is wrong without spending a hash on it.
    private static final int MAX_PASSWORD = 1024;

    private final RecoveryCodeRows rows;
    private final UserAccounts accounts;
    private final PasswordHashing hashing;
    private final LoginThrottle throttle;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RecoveryCodes(RecoveryCodeRows rows, UserAccounts accounts, PasswordHashing hashing, LoginThrottle throttle,
            AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.accounts = accounts;
        this.hashing = hashing;
        this.throttle = throttle;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The first set, made when the authenticator is confirmed (voiding any set of an earlier
     * authenticator). Returns the codes, which are never readable again.
     */
    @Transactional
    public List<String> issue(Actor actor) {
        List<String> codes = replace(actor);
        audit.record(AuditRecord.allowed(actor, null, AuditAction.RECOVERY_CODES_ISSUED, "staff", actor.userId()));
        return codes;
    }

    /**
     * A new set from the staff member's settings: the current password is asked again (a wrong one
     * is counted and throttled like a failed sign-in), so a session left open cannot mint codes that
     * outlive it. Every old code stops working; the account's email is told.
     */
    @Transactional(noRollbackFor = InvalidRequestException.class)
    public List<String> regenerate(Actor actor, String currentPassword, String clientAddress) {
        UserAccount account = accounts.find(actor.userId()).filter(UserAccount::active)
                .filter(a -> a.practiceId().equals(actor.practiceId()) && a.kind() == Actor.Kind.STAFF)
                .orElseThrow(NotFoundException::new);
        String name = accounts.email(account.id()).orElse("");
        try (LoginThrottle.Attempt attempt = throttle.attempt(name, clientAddress)) {
            if (currentPassword == null || currentPassword.length() > MAX_PASSWORD
                    || !hashing.matches(currentPassword, account.passwordHash())) {
                audit.record(AuditRecord.denied(actor, AuditAction.RECOVERY_CODES_REGENERATED, "staff", actor.userId()));
                throw new InvalidRequestException("currentPassword", "The current password is not correct.");
            }
            attempt.succeeded();
        }
        List<String> codes = replace(actor);
        audit.record(AuditRecord.allowed(actor, null, AuditAction.RECOVERY_CODES_REGENERATED, "staff", actor.userId()));
        events.publishEvent(new CredentialChanged(actor.practiceId(), actor.userId(),
                CredentialChange.RECOVERY_CODES_REGENERATED, Timestamps.now(clock)));
        return codes;
    }

    /**
     * Spends a code in place of the authenticator's: true once per code, whoever else sends it at
     * the same moment. A used code is audited and told to the account's email in the same
     * transaction.
     */
    @Transactional
    public boolean use(Actor actor, String code) {
        Optional<String> normal = normalize(code);
        if (normal.isEmpty()) {
            return false;
        }
        Instant now = Timestamps.now(clock);
        if (!rows.spend(actor.userId(), actor.practiceId(), hash(actor.userId(), normal.get()), now)) {
            return false;
        }
        audit.record(AuditRecord.allowed(actor, null, AuditAction.RECOVERY_CODE_USED, "staff", actor.userId()));
        events.publishEvent(new CredentialChanged(actor.practiceId(), actor.userId(), CredentialChange.RECOVERY_CODE_USED, now));
        return true;
    }

    /** How many unused codes the account has. */
    public int remaining(UserId user) {
        return rows.remaining(user);
    }

    /** Voids every code of the account (its authenticator was reset). */
    void voidAll(UserId user) {
        rows.deleteAll(user);
    }

    /** Whether a second-step answer is meant as a recovery code rather than six digits. */
    public static boolean looksLikeRecoveryCode(String code) {
        return normalize(code).isPresent();
    }

    private List<String> replace(Actor actor) {
        List<String> codes = new ArrayList<>(COUNT);
        List<String> hashes = new ArrayList<>(COUNT);
        while (codes.size() < COUNT) {
            StringBuilder code = new StringBuilder(LENGTH);
            for (int i = 0; i < LENGTH; i++) {
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            String hash = hash(actor.userId(), code.toString());
            if (!hashes.contains(hash)) {
                codes.add(code.substring(0, LENGTH / 2) + "-" + code.substring(LENGTH / 2));
                hashes.add(hash);
            }
        }
        rows.replace(actor.userId(), actor.practiceId(), hashes, Timestamps.now(clock));
        return List.copyOf(codes);
    }

    /** The code as stored: lower case, no spaces or hyphens, O read as 0 and I or L as 1; empty when it cannot be one. */
    static Optional<String> normalize(String code) {
        if (code == null || code.length() > 32) {
            return Optional.empty();
        }
        String normal = code.toLowerCase(Locale.ROOT).replaceAll("[\\s-]", "").replace('o', '0').replace('i', '1')
                .replace('l', '1');
        if (normal.length() != LENGTH) {
            return Optional.empty();
        }
        for (char c : normal.toCharArray()) {
            if (ALPHABET.indexOf(c) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(normal);
    }

    private static String hash(UserId user, String normalCode) {
        return TokenHashes.sha256("recovery-code:" + user + ":" + normalCode);
    }
}
