package io.bedside.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.identity.internal.Families;
import io.bedside.identity.internal.Invitations;
import io.bedside.identity.internal.LoginThrottle;
import io.bedside.identity.internal.UserAccount;
import io.bedside.identity.internal.UserAccounts;
import io.bedside.patient.Patient;
import io.bedside.patient.PatientDirectory;
import io.bedside.patient.Patients;
import io.bedside.patient.PhoneNumbers;
import io.bedside.practice.Practice;
import io.bedside.practice.Practices;
import io.bedside.shared.Actor;
import io.bedside.shared.ConflictException;
import io.bedside.shared.EmailAddresses;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/**
 * A patient's own details: their email address, mobile number and language.
 *
 * <p>A new email address replaces the old one only once the patient follows a one-time link sent
 * to it (256 random bits, only the hash stored, made when the email is sent, a GET shows a button
 * and only the POST redeems, one conditional update, 24 hours); the old address is then told. An
 * address that belongs to another account gets the same answer as any other: the email to that
 * address says it is in use, so the asker learns nothing about whose it is (docs/security.md).
 */
@Service
public class PatientProfiles {

    /**
     * 24 hours, longer than a sign-in link's 15 minutes: the link gives no session and no access to
     * anything, only proves that whoever asked can read the new mailbox, and mail to a new address
     * (a work account, a new provider) is often read hours later.
     */
    static final Duration EMAIL_CHANGE_TTL = Duration.ofHours(24);
    static final String EMAIL_CHANGE = "email-change";
    static final Set<String> LANGUAGES = Set.of("en", "es");
    private static final String LINK_GONE = "This link has expired or was already used.";

    private final UserAccounts accounts;
    private final EmailChangeRows changes;
    private final Invitations links;
    private final Patients patients;
    private final PatientDirectory directory;
    private final Practices practices;
    private final AuditTrail audit;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Families families;
    private final String baseUrl;

    PatientProfiles(UserAccounts accounts, EmailChangeRows changes, Invitations links, Patients patients,
            PatientDirectory directory, Practices practices, AuditTrail audit, LoginThrottle throttle, ApplicationEventPublisher events, Clock clock,
            Families families, @Value("${bedside.base-url:http://localhost:8080}") String baseUrl) {
        this.families = families;
        this.accounts = accounts;
        this.changes = changes;
        this.links = links;
        this.patients = patients;
        this.directory = directory;
        this.practices = practices;
        this.audit = audit;
        this.throttle = throttle;
        this.events = events;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The patient's details as they see them, with a change of address still waiting for its link. */
    public record Profile(String email, String pendingEmail, Instant pendingEmailExpiresAt, String phone,
            String language) {
        @Override
        public String toString() {
            return "Profile";
        }
    }

    /**
     * What the patient changes; null leaves a field as it is, and an empty mobile number removes it.
     */
    public record Change(String email, String phone, String language) {
        @Override
        public String toString() {
            return "Change";
        }
    }

    public Profile profile(Actor actor) {
        Patient patient = patientOf(actor);
        var pending = changes.pending(actor.practiceId(), actor.userId());
        return new Profile(accounts.email(actor.userId()).orElse(null),
                pending.map(EmailChangeRows.Change::newEmail).orElse(null),
                pending.map(EmailChangeRows.Change::expiresAt).orElse(null), patient.phone(), patient.language());
    }

    /**
     * Checks every field first and changes nothing when one is wrong (400). The mobile number and
     * language change at once; a new email address waits for its link. Each change is audited.
     */
    @Transactional
    public Profile update(Actor actor, Change change) {
        Patient patient = patientOf(actor);
        String email = null;
        if (change.email() != null) {
            email = Accounts.normalize(change.email());
            if (!EmailAddresses.valid(email)) {
                throw new InvalidRequestException("email", "Enter an email address such as name@example.org.");
            }
        }
        String phone = patient.phone();
        if (change.phone() != null) {
            phone = change.phone().isBlank() ? null : PhoneNumbers.e164(change.phone());
            if (!change.phone().isBlank() && phone == null) {
                throw new InvalidRequestException("phone",
                        "Enter a mobile number with its country code, such as +1 555 555 0123.");
            }
        }
        String language = patient.language();
        if (change.language() != null) {
            language = change.language().strip().toLowerCase(Locale.ROOT);
            if (!LANGUAGES.contains(language)) {
                throw new InvalidRequestException("language", "Choose English (en) or Spanish (es).");
            }
        }
        if (!Objects.equals(phone, patient.phone()) || !Objects.equals(language, patient.language())) {
            patients.setOwnContact(actor.practiceId(), patient.id(), phone, language);
            audit.record(AuditRecord.allowed(actor, patient.id(), "profile.changed", "patient", patient.id()));
        }
        String current = accounts.email(actor.userId()).orElse(null);
        if (email != null && !email.equals(current)) {
            String key = "email-change:" + actor.userId();
            // Every request counts: the links go to addresses the asker names, and must not become a flood.
            throttle.count(key, key);
            var requested = changes.request(actor.practiceId(), actor.userId(), email, current, EMAIL_CHANGE_TTL);
            links.revoke(actor.practiceId(), actor.userId(), EMAIL_CHANGE);
            events.publishEvent(new EmailChangeRequested(actor.practiceId(), actor.userId()));
            audit.record(AuditRecord.allowed(actor, actor.patientId(), "email.change-requested", "email_change",
                    requested.id()));
        }
        // The current address again (the form sends it with every save) leaves a pending change alone.
        return profile(actor);
    }

    /** The patient drops the change of address still waiting for its link; the link stops working. */
    @Transactional
    public Profile cancelEmailChange(Actor actor) {
        patientOf(actor);
        cancelPendingEmailChange(actor.practiceId(), actor.userId());
        return profile(actor);
    }

    /** Drops a change waiting for its link (the patient cancels it, or their account is closed). */
    @Transactional
    public void cancelPendingEmailChange(PracticeId practice, UserId user) {
        changes.cancelPending(practice, user);
        links.revoke(practice, user, EMAIL_CHANGE);
    }

    // ------------------------------------------------------------ the email to the new address

    /**
     * The email to send to a new address: the link (made now, only its hash kept, open until the
     * change expires), or, when the address belongs to another account, no link and {@code inUse}.
     * Empty when there is no change waiting (cancelled, expired, confirmed).
     */
    public record ConfirmationMail(String to, String link, boolean inUse, String language) {
        @Override
        public String toString() {
            return "ConfirmationMail";
        }
    }

    @Transactional
    public Optional<ConfirmationMail> confirmationMail(PracticeId practice, UserId user) {
        return changes.pending(practice, user).map(change -> {
            String language = language(practice, user);
            if (accounts.findByEmail(change.newEmail()).isPresent()) {
                return new ConfirmationMail(change.newEmail(), null, true, language);
            }
            Duration left = Duration.between(Timestamps.now(clock), change.expiresAt());
            var issued = links.issue(practice, user, EMAIL_CHANGE, left.isNegative() ? Duration.ZERO : left);
            return new ConfirmationMail(change.newEmail(), baseUrl + "/email-change/" + issued.token(), false, language);
        });
    }

    /** The old address of a change that was made, and the language to tell it in. */
    public record ChangedNotice(String to, String language) {
        @Override
        public String toString() {
            return "ChangedNotice";
        }
    }

    public Optional<ChangedNotice> changedNotice(PracticeId practice, UUID changeId) {
        return changes.confirmed(practice, changeId).filter(c -> c.oldEmail() != null)
                .map(c -> new ChangedNotice(c.oldEmail(), language(practice, c.userId())));
    }

    // ------------------------------------------------------------ following the link

    /** What the confirmation page shows: the practice and the new address (the reader owns it). */
    public record OpenChange(String practiceName, String newEmail) {
        @Override
        public String toString() {
            return "OpenChange";
        }
    }

    public Optional<OpenChange> open(String token) {
        return links.peek(token, EMAIL_CHANGE).flatMap(open -> changes.pending(open.practiceId(), open.userId())
                .map(change -> new OpenChange(practices.find(open.practiceId()).map(Practice::name).orElse(""),
                        change.newEmail())));
    }

    /**
     * Makes the change: the link is spent by one conditional update (one of many concurrent tries
     * wins; the others, a spent, expired or unknown link, are not found), the account's sign-in
     * address and the roster's address become the new one, and the old address is told.
     *
     * @throws ConflictException when the new address came to belong to another account meanwhile
     */
    @Transactional
    public String confirm(String token) {
        var open = links.peek(token, EMAIL_CHANGE).orElseThrow(() -> new NotFoundException(LINK_GONE));
        var change = changes.pending(open.practiceId(), open.userId())
                .orElseThrow(() -> new NotFoundException(LINK_GONE));
        UserAccount account = accounts.find(open.userId()).filter(UserAccount::active)
                .orElseThrow(() -> new NotFoundException(LINK_GONE));
        if (!links.spend(open.id()) || !changes.confirm(change.id())) {
            throw new NotFoundException(LINK_GONE);
        }
        if (accounts.findByEmail(change.newEmail()).isPresent()) {
            throw new ConflictException("This address already belongs to another Bedside account, so it cannot be used for this one.");
        }
        try {
            if (!accounts.setEmail(account.id(), change.newEmail())) {
                throw new NotFoundException(LINK_GONE);
            }
        } catch (DuplicateKeyException e) {
            throw new ConflictException("This address already belongs to another Bedside account, so it cannot be used for this one.");
        }
        if (account.patientId() != null) {
            patients.setEmail(account.practiceId(), account.patientId(), change.newEmail());
        }
        audit.record(AuditRecord.allowed(families.actorOf(account, null).orElseThrow(() -> new NotFoundException(LINK_GONE)),
                account.patientId(), "email.changed", "email_change",
                change.id()));
        events.publishEvent(new EmailChanged(account.practiceId(), account.id(), change.id()));
        return change.newEmail();
    }

    // ------------------------------------------------------------ helpers

    private Patient patientOf(Actor actor) {
        return directory.own(actor);
    }

    private String language(PracticeId practice, UserId user) {
        return accounts.find(user).map(UserAccount::patientId)
                .flatMap(p -> patients.preferredLanguage(practice, p))
                .or(() -> practices.find(practice).map(Practice::defaultLanguage)).orElse("en");
    }
}
