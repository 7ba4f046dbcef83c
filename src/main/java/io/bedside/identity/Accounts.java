package io.bedside.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.identity.internal.ApiTokens;
import io.bedside.identity.internal.Families;
import io.bedside.identity.internal.Invitations;
import io.bedside.identity.internal.Passkeys;
import io.bedside.identity.internal.PasswordHashing;
import io.bedside.identity.internal.PasswordRules;
import io.bedside.identity.internal.TwoStep;
import io.bedside.identity.internal.UserAccounts;
import io.bedside.patient.Patients;
import io.bedside.practice.ConfidentialAges;
import io.bedside.practice.Practice;
import io.bedside.practice.Practices;
import io.bedside.practice.StaffDirectory;
import io.bedside.practice.StaffMember;
import io.bedside.shared.ActingFor;
import io.bedside.shared.Actor;
import io.bedside.shared.ConflictException;
import io.bedside.shared.EmailAddresses;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Relationship;
import io.bedside.shared.StaffRole;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/** Creates sign-in accounts for staff and patients, and describes the signed-in user. */
@Service
public class Accounts {

    /** Staff invitations work for a week; an admin can send a fresh one. */
    static final Duration STAFF_INVITATION_TTL = Duration.ofDays(7);
    static final String STAFF_INVITATION = "staff-invitation";

    private final UserAccounts accounts;
    private final PasswordHashing hashing;
    private final StaffDirectory staff;
    private final Patients patients;
    private final Practices practices;
    private final Invitations invitations;
    private final ApiTokens tokens;
    private final TwoStep twoStep;
    private final ApplicationEventPublisher events;
    private final Families families;
    private final String baseUrl;
    private final Clock clock;
    private final Passkeys passkeys;

    Accounts(UserAccounts accounts, PasswordHashing hashing, StaffDirectory staff, Patients patients,
            Practices practices, Invitations invitations,
            ApiTokens tokens, TwoStep twoStep,
            ApplicationEventPublisher events, Families families,
            @Value("${bedside.base-url:http://localhost:8080}") String baseUrl, Clock clock,
            Passkeys passkeys) {
        this.clock = clock;
        this.passkeys = passkeys;
        this.families = families;
        this.accounts = accounts;
        this.hashing = hashing;
        this.staff = staff;
        this.patients = patients;
        this.practices = practices;
        this.invitations = invitations;
        this.tokens = tokens;
        this.twoStep = twoStep;
        this.events = events;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    // ------------------------------------------------------------ staff accounts

    /** A member of staff as the practice admin manages them. */
    public record StaffAccount(StaffMember member, String email, Status status) {
        public enum Status { ACTIVE, INVITED, DISABLED }
    }

    /** A new member of staff and the one-time link with which they set their password. */
    public record StaffInvitation(StaffMember member, String email, String link, Instant expiresAt) {
        @Override
        public String toString() {
            return "StaffInvitation[" + member.id() + "]";
        }
    }

    public List<StaffAccount> staffAccounts(PracticeId practice) {
        var signIn = accounts.staffSignIns(practice);
        return staff.all(practice).stream().map(m -> {
            var sign = signIn.get(m.id());
            StaffAccount.Status status = sign == null || !sign.active() || !m.active() ? StaffAccount.Status.DISABLED
                    : sign.hasPassword() ? StaffAccount.Status.ACTIVE : StaffAccount.Status.INVITED;
            return new StaffAccount(m, sign == null ? "" : sign.email(), status);
        }).toList();
    }

    /**
     * Adds a member of staff without a password, and a one-time link (valid 7 days) with which they
     * set one. The link is built from the configured base URL, never from a request.
     */
    @Transactional
    public StaffInvitation inviteStaff(PracticeId practice, String email, String displayName, StaffRole role,
            String title) {
        String address = normalize(email);
        if (!EmailAddresses.valid(address)) {
            throw new InvalidRequestException("email", "Enter an email address such as name@example.org.");
        }
        if (displayName == null || displayName.isBlank() || displayName.strip().length() > 200) {
            throw new InvalidRequestException("displayName", "Enter the name patients will see (at most 200 characters).");
        }
        if (role == null) {
            throw new InvalidRequestException("role", "Choose a role.");
        }
        if (accounts.findByEmail(address).isPresent()) {
            throw new InvalidRequestException("email", "An account with this email already exists.");
        }
        UserId id = UserId.random();
        accounts.insert(id, practice, Actor.Kind.STAFF, address, null, Set.of(role), null);
        StaffMember member = staff.add(id, practice, displayName.strip(), role,
                title == null || title.isBlank() ? null : title.strip());
        var link = invitations.issue(practice, id, STAFF_INVITATION, STAFF_INVITATION_TTL);
        events.publishEvent(new StaffInvited(practice, id));
        return new StaffInvitation(member, address, baseUrl + "/invite/" + link.token(), link.expiresAt());
    }

    private Optional<StaffAccount> staffAccount(PracticeId practice, UserId id) {
        return staffAccounts(practice).stream().filter(a -> a.member().id().equals(id)).findFirst();
    }

    /** A fresh link for a member of staff who has not set a password yet; the old one stops working. */
    @Transactional
    public StaffInvitation reinviteStaff(PracticeId practice, UserId id) {
        StaffAccount account = staffAccount(practice, id)
                .orElseThrow(() -> new NotFoundException("No such member of staff."));
        if (account.status() != StaffAccount.Status.INVITED) {
            throw new ConflictException("Only someone who has not set a password yet can be invited again.");
        }
        var link = invitations.issue(practice, id, STAFF_INVITATION, STAFF_INVITATION_TTL);
        events.publishEvent(new StaffInvited(practice, id));
        return new StaffInvitation(account.member(), account.email(), baseUrl + "/invite/" + link.token(),
                link.expiresAt());
    }

    /**
     * Disables (or enables again) a member of staff: a disabled account cannot sign in, its API
     * tokens stop working and its browser sessions end at their next request.
     */
    @Transactional
    public void setStaffActive(PracticeId practice, UserId id, boolean active) {
        staff.setActive(practice, id, active);
        accounts.setActive(practice, id, active);
    }

    /** Whom an open invitation is for, to greet them; nothing is spent by looking. */
    public record InvitationView(String email, String displayName, String practiceName) {
        @Override
        public String toString() {
            return "InvitationView";
        }
    }

    public Optional<InvitationView> openInvitation(String token) {
        var staffInvitation = invitations.peek(token, STAFF_INVITATION).flatMap(open -> staff.find(open.practiceId(), open.userId())
                .map(m -> new InvitationView(accounts.email(open.userId()).orElse(""), m.displayName(),
                        practices.find(open.practiceId()).map(Practice::name).orElse(""))));
        if (staffInvitation.isPresent()) {
            return staffInvitation;
        }
        // Someone given family access: greeted by their own name, never the patient's.
        return invitations.peek(token, ProxyGrants.PROXY_INVITATION).map(open -> new InvitationView(
                accounts.email(open.userId()).orElse(""),
                accounts.displayNames(List.of(open.userId())).getOrDefault(open.userId(), ""),
                practices.find(open.practiceId()).map(Practice::name).orElse("")));
    }

    /**
     * Sets the invited person's password and spends the link: one request wins, any other (or a
     * spent or expired link) is not found.
     */
    @Transactional
    public void acceptInvitation(String token, String password, String confirmation) {
        String purpose = STAFF_INVITATION;
        var found = invitations.peek(token, STAFF_INVITATION);
        if (found.isEmpty()) {
            // The same page takes the invitation of someone given family access.
            purpose = ProxyGrants.PROXY_INVITATION;
            found = invitations.peek(token, purpose);
        }
        var open = found.orElseThrow(() -> new NotFoundException("This link has expired or was already used."));
        PasswordRules.check(password);
        if (!password.equals(confirmation)) {
            throw new InvalidRequestException("confirmation", "The two passwords are not the same.");
        }
        // The admin's link and the emailed one lead to the same invitation: the first used wins.
        if (!invitations.spend(open.id()) || !accounts.setFirstPassword(open.userId(), hashing.hash(password))) {
            throw new NotFoundException("This link has expired or was already used.");
        }
        invitations.revoke(open.practiceId(), open.userId(), purpose);
    }

    /**
     * The link for the invitation email being sent now, beside the one the admin was shown; empty
     * when the person has set their password since, or the account is gone or disabled.
     */
    @Transactional
    public Optional<String> staffInvitationLink(PracticeId practice, UserId id) {
        return staffAccount(practice, id).filter(a -> a.status() == StaffAccount.Status.INVITED)
                .map(a -> baseUrl + "/invite/" + invitations.issueAnother(practice, id, STAFF_INVITATION,
                        STAFF_INVITATION_TTL).token());
    }

    /**
     * The link for a family-access invitation email being sent now, beside any other still open;
     * empty once the person has set a password, or when the account is gone or closed.
     */
    @Transactional
    public Optional<String> proxyInvitationLink(PracticeId practice, UserId proxy) {
        return accounts.find(proxy)
                .filter(a -> a.active() && a.practiceId().equals(practice) && a.kind() == Actor.Kind.PATIENT
                        && a.passwordHash() == null)
                .map(a -> baseUrl + "/invite/" + invitations.issueAnother(practice, proxy,
                        ProxyGrants.PROXY_INVITATION, ProxyGrants.PROXY_INVITATION_TTL).token());
    }

    /** A member of staff with a password; the account id is also their staff directory id. */
    @Transactional
    public StaffMember createStaff(PracticeId practice, String email, String password, String displayName,
            StaffRole role, String title) {
        UserId id = UserId.random();
        accounts.insert(id, practice, Actor.Kind.STAFF, normalize(email), hashing.hash(password), Set.of(role), null);
        return staff.add(id, practice, displayName, role, title);
    }

    /** Demo accounts sign in with their password alone; only demo mode seeds them. */
    @Transactional
    public void exemptFromTwoStep(UserId id) {
        twoStep.exempt(id);
    }

    /**
     * Forgets a member of staff's authenticator app (a lost phone): at their next sign-in they set
     * up a new one, its recovery codes are void, and its passkeys go too: a lost phone holds them as
     * well. Not found for anyone outside the practice.
     */
    @Transactional
    public void resetTwoStep(PracticeId practice, UserId id) {
        staff.find(practice, id).orElseThrow(() -> new NotFoundException("No such member of staff."));
        twoStep.reset(id);
        passkeys.removeAll(practice, id);
        // The owner hears of it at their address: a reset they did not ask for is an attack on the account.
        events.publishEvent(new CredentialChanged(practice, id, CredentialChange.AUTHENTICATOR_RESET, Timestamps.now(clock)));
    }

    /** A sign-in account for a patient already on the practice's roster. */
    @Transactional
    public UserId createPatientAccount(PracticeId practice, PatientId patient, String email, String password) {
        if (!patients.exists(practice, patient)) {
            throw new NotFoundException("No such patient.");
        }
        UserId id = UserId.random();
        accounts.insert(id, practice, Actor.Kind.PATIENT, normalize(email),
                password == null ? null : hashing.hash(password), Set.of(), patient);
        return id;
    }

    /** The sign-in account of a patient of the practice, if they have one. */
    public Optional<UserId> patientAccount(PracticeId practice, PatientId patient) {
        return accounts.findByPatient(practice, patient);
    }

    /**
     * The names patient-side accounts go by, for the author line of what a proxy wrote: a proxy-only
     * account's own name (a parent is not the practice's patient), else the name of the account's own
     * patient record (a patient who is also a caregiver).
     */
    public Map<UserId, String> proxyNames(PracticeId practice, Collection<UserId> ids) {
        Map<UserId, String> names = new java.util.HashMap<>(accounts.displayNames(ids));
        for (UserId id : ids) {
            if (!names.containsKey(id)) {
                accounts.find(id).filter(a -> a.practiceId().equals(practice) && a.patientId() != null)
                        .flatMap(a -> patients.displayName(practice, a.patientId()))
                        .ifPresent(name -> names.put(id, name));
            }
        }
        return names;
    }

    /**
     * The accounts that hear of a conversation of this patient: the patient's own and, unless the
     * conversation is confidential, every proxy whose grant is in force. For events and notices.
     */
    public List<UserId> readersOf(PracticeId practice, PatientId patient, boolean confidential) {
        return families.readers(practice, patient, confidential);
    }

    /** The practice's patients who have an account (invited or signed up): those a notice can reach. */
    public Set<PatientId> patientsWithAccount(PracticeId practice) {
        return accounts.patientsWithAccount(practice);
    }

    /** How to reach an account's owner, for notices: never shown to anyone else. */
    public record Contact(UserId id, PracticeId practiceId, Actor.Kind kind, PatientId patientId, String email,
            boolean active) {
        @Override
        public String toString() {
            return "Contact[" + id + "]";
        }
    }

    public Optional<Contact> contactOf(UserId id) {
        return accounts.find(id).map(a -> new Contact(a.id(), a.practiceId(), a.kind(), a.patientId(),
                accounts.email(id).orElse(null), a.active()));
    }

    public UserProfile profile(Actor actor) {
        Practice practice = practices.find(actor.practiceId()).orElseThrow(NotFoundException::new);
        String email = accounts.email(actor.userId()).orElse(null);
        String displayName;
        if (actor.isPatient()) {
            // A proxy is named as themselves, never as the patient they act for.
            displayName = actor.ownPatientId().flatMap(own -> patients.displayName(actor.practiceId(), own))
                    .or(() -> Optional.ofNullable(accounts.displayNames(List.of(actor.userId())).get(actor.userId())))
                    .orElse("");
        } else {
            displayName = staff.find(actor.practiceId(), actor.userId()).map(StaffMember::displayName).orElse("");
        }
        return new UserProfile(actor.userId(), actor.kind(), practice.id(), practice.shownName(), displayName, email,
                actor.roles().stream().map(StaffRole::code).sorted().collect(Collectors.toList()),
                actor.patientId());
    }

    /**
     * One patient record the signed-in account may act for, as {@code GET /api/v1/me} lists it.
     *
     * @param confidentialAgeRange the practice's confidential age range, only when the patient is in
     *                             it today (their own questions are confidential by default); else null
     */
    public record FamilyMember(PatientId id, String displayName, Relationship relationship,
            ConfidentialAges confidentialAgeRange) {
        @Override
        public String toString() {
            return "FamilyMember[" + id + "]";
        }
    }

    /** Every record the account may act for, its own first; empty for staff. */
    public List<FamilyMember> family(Actor actor) {
        if (!actor.isPatient() || actor.family().isEmpty()) {
            return List.of();
        }
        List<PatientId> ids = actor.family().stream().map(ActingFor::patientId).toList();
        Map<PatientId, String> names = patients.displayNames(actor.practiceId(), ids);
        Map<PatientId, LocalDate> births = patients.birthDatesOfOpen(actor.practiceId(), ids);
        ConfidentialAges ages = practices.confidentialAges(actor.practiceId());
        LocalDate today = families.today(actor.practiceId());
        return actor.family().stream().map(f -> {
            LocalDate birth = births.get(f.patientId());
            return new FamilyMember(f.patientId(), names.getOrDefault(f.patientId(), ""), f.relationship(),
                    birth != null && ages.covers(birth, today) ? ages : null);
        }).toList();
    }

    static String normalize(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }
}
