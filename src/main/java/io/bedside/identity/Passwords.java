package io.bedside.identity;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.identity.internal.Families;
import io.bedside.identity.internal.Invitations;
import io.bedside.identity.internal.LoginThrottle;
import io.bedside.identity.internal.PasswordHashing;
import io.bedside.identity.internal.PasswordRules;
import io.bedside.identity.internal.PasswordSignIn;
import io.bedside.identity.internal.TwoStep;
import io.bedside.identity.internal.UserAccount;
import io.bedside.identity.internal.UserAccounts;
import io.bedside.practice.Practices;
import io.bedside.practice.StaffDirectory;
import io.bedside.shared.Actor;
import io.bedside.shared.ConflictException;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.PracticeId;
import io.bedside.shared.TooManyRequestsException;
import io.bedside.shared.UserId;

/**
 * Passwords after the first one: a forgotten password reset through a one-time link by email
 * (asked for by its owner, or sent to a member of staff by a practice admin), and a change while
 * signed in. Either way the new password follows {@link PasswordRules}, and every other session
 * and API token of the account ends. A reset leaves two-step sign-in as it was: staff still give
 * their authenticator code at the next sign-in.
 *
 * <p>The reset link follows the one-time link rules: 256 random bits stored as their SHA-256, 15
 * minutes, a GET shows the form and only its POST spends the link (one conditional update), and a
 * new link ends the older ones. Patients also confirm their date of birth, as with a sign-in link,
 * so that a mailbox alone does not give lasting access to their record; staff are covered by their
 * authenticator code instead.
 */
@Service
public class Passwords {

    static final Duration RESET_TTL = Duration.ofMinutes(15);
    static final String RESET = "password-reset";
    private static final String GONE = "This link has expired or was already used.";
    // Longer than any password accepted; anything longer is wrong without spending a hash on it.
    private static final int MAX_PASSWORD = 1024;

    private final UserAccounts accounts;
    private final Invitations links;
    private final PasswordHashing hashing;
    private final LoginThrottle throttle;
    private final PasswordSignIn signIn;
    private final TwoStep twoStep;
    private final PatientLinks patientLinks;
    private final SignedInDevices devices;
    private final StaffDirectory staff;
    private final Practices practices;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Families families;
    private final String baseUrl;

    Passwords(UserAccounts accounts, Invitations links, PasswordHashing hashing, LoginThrottle throttle,
            PasswordSignIn signIn, TwoStep twoStep, PatientLinks patientLinks, SignedInDevices devices,
            StaffDirectory staff, Practices practices, AuditTrail audit, ApplicationEventPublisher events,
            Families families, @Value("${bedside.base-url:http://localhost:8080}") String baseUrl) {
        this.families = families;
        this.accounts = accounts;
        this.links = links;
        this.hashing = hashing;
        this.throttle = throttle;
        this.signIn = signIn;
        this.twoStep = twoStep;
        this.patientLinks = patientLinks;
        this.devices = devices;
        this.staff = staff;
        this.practices = practices;
        this.audit = audit;
        this.events = events;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    // ------------------------------------------------------------ forgotten password

    /**
     * Someone asks for a reset link. Known or not, throttled or not, the caller learns nothing: the
     * answer is the same, and the email goes out from the outbox afterwards. Disabled or closed
     * accounts, and invited ones without a password yet, get no link.
     */
    @Transactional
    public void requestReset(String email, String clientAddress) {
        String name = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        String key = "reset-request:" + name;
        try {
            // Every request counts against the address and the client: reset emails are not a flood.
            throttle.count(key, clientAddress);
        } catch (TooManyRequestsException e) {
            // Same answer as ever: an address or client asking too often simply gets no more emails.
            return;
        }
        accounts.findByEmail(name).filter(Passwords::mayReset)
                .ifPresent(a -> events.publishEvent(new PasswordResetRequested(a.practiceId(), a.id())));
    }

    /**
     * A practice admin sends a member of their practice's staff a reset link by email. Not found for
     * anyone outside the practice; refused for a disabled account or one still invited.
     */
    @Transactional
    public void sendStaffReset(PracticeId practice, UserId id) {
        staff.find(practice, id).orElseThrow(() -> new NotFoundException("No such member of staff."));
        UserAccount account = accounts.find(id).filter(a -> a.practiceId().equals(practice))
                .orElseThrow(() -> new NotFoundException("No such member of staff."));
        if (!account.active()) {
            throw new ConflictException("This account is disabled: enable it first.");
        }
        if (account.passwordHash() == null) {
            throw new ConflictException("This person has not set a password yet: send a new invitation instead.");
        }
        events.publishEvent(new PasswordResetRequested(practice, id));
    }

    private static boolean mayReset(UserAccount account) {
        return account.active() && account.passwordHash() != null;
    }

    /**
     * The link for a reset email being sent now: a fresh token whose hash alone is stored; earlier
     * reset links of the account stop working. Empty when the account may no longer reset.
     */
    @Transactional
    public Optional<String> issueResetLink(PracticeId practice, UserId user) {
        return accounts.find(user).filter(a -> a.practiceId().equals(practice)).filter(Passwords::mayReset)
                .map(a -> baseUrl + "/reset-password/" + links.issue(practice, user, RESET, RESET_TTL).token());
    }

    /** What the reset form may show: the practice's name and whether to ask for a date of birth. */
    public record ResetView(String practiceName, boolean askBirthDate) {
    }

    /** The form behind an open reset link; looking spends nothing. */
    public Optional<ResetView> openReset(String token) {
        return links.peek(token, RESET).flatMap(open -> accounts.find(open.userId()).filter(Passwords::mayReset)
                .flatMap(a -> practices.find(open.practiceId())
                        .map(p -> new ResetView(p.name(), a.kind() == Actor.Kind.PATIENT))));
    }

    /**
     * Sets the new password through an open reset link: one request wins (one conditional update),
     * any other, or a spent or expired link, is not found. Every session and token of the account
     * ends; two-step sign-in stays as it was.
     */
    @Transactional(noRollbackFor = InvalidRequestException.class)
    public void reset(String token, String birthDate, String password, String confirmation, String clientAddress) {
        var open = links.peek(token, RESET).orElseThrow(() -> new NotFoundException(GONE));
        UserAccount account = accounts.find(open.userId()).filter(Passwords::mayReset)
                .orElseThrow(() -> new NotFoundException(GONE));
        // A proxy who is not the practice's patient has no date of birth on file to confirm.
        if (account.kind() == Actor.Kind.PATIENT && account.patientId() != null) {
            patientLinks.confirmBirthDate(account, birthDate, clientAddress);
        }
        PasswordRules.check(password);
        if (!password.equals(confirmation)) {
            throw new InvalidRequestException("confirmation", "The two passwords are not the same.");
        }
        if (!links.spend(open.id())) {
            throw new NotFoundException(GONE);
        }
        accounts.setPassword(account.id(), hashing.hash(password));
        Actor owner = families.actorOf(account, null).orElseThrow(() -> new NotFoundException(GONE));
        devices.endAllBut(owner, CurrentSignIn.NONE);
        // The owner proved they read their mail: failed sign-ins before the reset no longer hold them back.
        accounts.email(account.id()).ifPresent(throttle::forgive);
        audit.record(AuditRecord.allowed(owner, null, "password.reset", "user", account.id()));
    }

    // ------------------------------------------------------------ change while signed in

    /** Whether changing this person's password also asks for their authenticator code. */
    public boolean changeNeedsCode(Actor actor) {
        return twoStep.required(actor.userId(), actor.kind());
    }

    /**
     * Changes the signed-in person's password: the current one is required (a wrong one is counted
     * like a failed sign-in, and throttled alike), staff also give a current authenticator code, and
     * the new one follows the rules. Every other session and token of the account ends; the one in
     * use stays.
     */
    @Transactional(noRollbackFor = InvalidRequestException.class)
    public void change(Actor actor, CurrentSignIn current, String currentPassword, String newPassword, String otp,
            String clientAddress) {
        UserAccount account = accounts.find(actor.userId()).filter(UserAccount::active)
                .filter(a -> a.practiceId().equals(actor.practiceId())).orElseThrow(NotFoundException::new);
        try {
            PasswordRules.check(newPassword);
        } catch (InvalidRequestException e) {
            throw new InvalidRequestException("newPassword", e.getMessage());
        }
        String name = accounts.email(account.id()).orElse("");
        try (LoginThrottle.Attempt attempt = throttle.attempt(name, clientAddress)) {
            if (currentPassword == null || currentPassword.length() > MAX_PASSWORD
                    || !hashing.matches(currentPassword, account.passwordHash())) {
                audit.record(AuditRecord.denied(actor, "password.changed", "user", actor.userId()));
                throw new InvalidRequestException("currentPassword", "The current password is not correct.");
            }
            attempt.succeeded();
        }
        if (changeNeedsCode(actor)) {
            if (otp == null || otp.isBlank()) {
                throw new InvalidRequestException("otp", "Enter the 6-digit code from your authenticator app.");
            }
            if (!signIn.codeAccepted(actor.userId(), clientAddress,
                    () -> twoStep.verify(actor.userId(), actor.practiceId(), otp))) {
                throw new InvalidRequestException("otp",
                        "The code is not right, or was already used: enter the current code from your authenticator app.");
            }
        }
        accounts.setPassword(account.id(), hashing.hash(newPassword));
        devices.endAllBut(actor, current);
        links.revoke(actor.practiceId(), actor.userId(), RESET);
        audit.record(AuditRecord.allowed(actor, null, "password.changed", "user", actor.userId()));
    }
}
