package io.bedside.identity;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.identity.internal.Invitations;
import io.bedside.identity.internal.LoginThrottle;
import io.bedside.identity.internal.PasswordHashing;
import io.bedside.identity.internal.PasswordRules;
import io.bedside.identity.internal.UserAccount;
import io.bedside.identity.internal.UserAccounts;
import io.bedside.patient.Patients;
import io.bedside.practice.Practice;
import io.bedside.practice.Practices;
import io.bedside.shared.Actor;
import io.bedside.shared.ConflictException;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.UserId;

/**
 * Patients in by email: the invitation to set up an account (7 days) and the sign-in link (15
 * minutes), each a one-time link of 256 random bits stored only as its hash, spent by one
 * conditional update, and confirmed with the patient's date of birth. Asking for a sign-in link
 * answers the same whether or not the address is known.
 */
@Service
public class PatientLinks {

    static final Duration INVITATION_TTL = Duration.ofDays(7);
    static final Duration SIGN_IN_TTL = Duration.ofMinutes(15);
    static final String INVITATION = "patient-invitation";
    static final String SIGN_IN = "patient-sign-in";

    private final UserAccounts accounts;
    private final Invitations links;
    private final Patients patients;
    private final Practices practices;
    private final PasswordHashing hashing;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;
    private final String baseUrl;

    PatientLinks(UserAccounts accounts, Invitations links, Patients patients, Practices practices,
            PasswordHashing hashing, LoginThrottle throttle, ApplicationEventPublisher events,
            @Value("${bedside.base-url:http://localhost:8080}") String baseUrl) {
        this.accounts = accounts;
        this.links = links;
        this.patients = patients;
        this.practices = practices;
        this.hashing = hashing;
        this.throttle = throttle;
        this.events = events;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** What a link's page may show: only the practice's name. */
    public record LinkView(String practiceName) {
    }

    // ------------------------------------------------------------ invitations

    /**
     * Invites a patient of the practice: makes their account (without a password) if they have
     * none, and asks for the invitation email. A patient without an email address on file, or one
     * who has already set a password, cannot be invited.
     */
    @Transactional
    public void invite(PracticeId practice, PatientId patientId) {
        Patients.Contact patient = patients.contact(practice, patientId)
                .orElseThrow(() -> new NotFoundException("No such patient."));
        if (patient.closed()) {
            throw new ConflictException("This patient's account is closed: reopen it before inviting them.");
        }
        if (patient.email() == null || patient.email().isBlank()) {
            throw new InvalidRequestException("email", "This patient has no email address on file to invite.");
        }
        UserId user = accounts.findByPatient(practice, patientId).orElse(null);
        if (user == null) {
            String email = patient.email().trim().toLowerCase(Locale.ROOT);
            if (accounts.findByEmail(email).isPresent()) {
                throw new ConflictException("Another account already uses this patient's email address.");
            }
            user = UserId.random();
            accounts.insert(user, practice, Actor.Kind.PATIENT, email, null, Set.of(), patientId);
        } else if (accounts.find(user).map(UserAccount::passwordHash).orElse(null) != null) {
            throw new ConflictException("This patient has already set up their account.");
        } else {
            // Invited before, not set up yet: the invitation goes to the address now on the roster
            // (staff may have corrected it). An account with a password keeps its own address.
            String email = patient.email().trim().toLowerCase(Locale.ROOT);
            if (!email.equals(accounts.email(user).orElse(email))) {
                if (accounts.findByEmail(email).isPresent()) {
                    throw new ConflictException("Another account already uses this patient's email address.");
                }
                accounts.setEmailBeforeFirstPassword(practice, user, email);
            }
        }
        events.publishEvent(new PatientLinkRequested(practice, user, PatientLinkRequested.Purpose.INVITATION));
    }

    /** Invites every patient with an email address on file who has no account yet; returns how many. */
    @Transactional
    public int inviteAllWithoutAccount(PracticeId practice) {
        Set<PatientId> have = accounts.patientsWithAccount(practice);
        int invited = 0;
        for (PatientId patient : patients.withEmail(practice)) {
            if (have.contains(patient)) {
                continue;
            }
            try {
                invite(practice, patient);
                invited++;
            } catch (ConflictException | InvalidRequestException e) {
                // Another account already uses the address: left for the practice to sort out.
            }
        }
        return invited;
    }

    /** Whether the patient was invited or has an account with a password. */
    public boolean hasAccount(PracticeId practice, PatientId patient) {
        return accounts.findByPatient(practice, patient).isPresent();
    }

    // ------------------------------------------------------------ sign-in links

    /**
     * A patient asks for a sign-in link. Known or not, the caller learns nothing: the answer and
     * its timing are the same, and the email goes out from the outbox afterwards.
     */
    @Transactional
    public void requestSignIn(String email, String clientAddress) {
        String name = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        String key = "link-request:" + name;
        // Every request counts against the address and the address asked for: links are not a flood.
        throttle.count(key, clientAddress);
        accounts.findByEmail(name).filter(UserAccount::active)
                .filter(a -> a.kind() == Actor.Kind.PATIENT && a.passwordHash() != null)
                .ifPresent(a -> events.publishEvent(new PatientLinkRequested(a.practiceId(), a.id(),
                        PatientLinkRequested.Purpose.SIGN_IN)));
    }

    /**
     * The link for an email being sent now: a fresh token whose hash alone is stored. Earlier
     * links of the same purpose stop working.
     */
    @Transactional
    public String issueLink(PracticeId practice, UserId user, PatientLinkRequested.Purpose purpose) {
        boolean invitation = purpose == PatientLinkRequested.Purpose.INVITATION;
        var issued = links.issue(practice, user, invitation ? INVITATION : SIGN_IN, invitation ? INVITATION_TTL : SIGN_IN_TTL);
        return baseUrl + (invitation ? "/welcome/" : "/signin/") + issued.token();
    }

    public Optional<LinkView> open(String token, PatientLinkRequested.Purpose purpose) {
        return links.peek(token, purpose == PatientLinkRequested.Purpose.INVITATION ? INVITATION : SIGN_IN)
                .flatMap(open -> practices.find(open.practiceId()).map(Practice::shownName).map(LinkView::new));
    }

    /**
     * The invited patient confirms their date of birth and chooses a password; the link is spent
     * and they are signed in. A wrong date of birth is refused (and counted) without spending it.
     */
    @Transactional(noRollbackFor = InvalidRequestException.class)
    public Actor acceptInvitation(String token, String birthDate, String password, String confirmation,
            String clientAddress) {
        var open = links.peek(token, INVITATION)
                .orElseThrow(() -> new NotFoundException("This link has expired or was already used."));
        UserAccount account = accounts.find(open.userId()).filter(UserAccount::active)
                .orElseThrow(() -> new NotFoundException("This link has expired or was already used."));
        confirmBirthDate(account, birthDate, clientAddress);
        PasswordRules.check(password);
        if (!password.equals(confirmation)) {
            throw new InvalidRequestException("confirmation", "The two passwords are not the same.");
        }
        if (!links.spend(open.id())) {
            throw new NotFoundException("This link has expired or was already used.");
        }
        accounts.setPassword(account.id(), hashing.hash(password));
        return account.toActor();
    }

    /** The patient follows a sign-in link and confirms their date of birth: one session, once. */
    @Transactional(noRollbackFor = InvalidRequestException.class)
    public Actor redeemSignIn(String token, String birthDate, String clientAddress) {
        var open = links.peek(token, SIGN_IN)
                .orElseThrow(() -> new NotFoundException("This link has expired or was already used."));
        UserAccount account = accounts.find(open.userId()).filter(UserAccount::active)
                .orElseThrow(() -> new NotFoundException("This link has expired or was already used."));
        confirmBirthDate(account, birthDate, clientAddress);
        if (!links.spend(open.id())) {
            throw new NotFoundException("This link has expired or was already used.");
        }
        return account.toActor();
    }

    void confirmBirthDate(UserAccount account, String birthDate, String clientAddress) {
        LocalDate given;
        try {
            given = LocalDate.parse(birthDate == null ? "" : birthDate.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("birthDate", "Enter your date of birth.");
        }
        try (var attempt = throttle.attempt("link:" + account.id(), clientAddress)) {
            if (!patients.birthDateMatches(account.practiceId(), account.patientId(), given)) {
                throw new InvalidRequestException("birthDate", "That date of birth does not match our records.");
            }
            attempt.succeeded();
        }
    }
}
