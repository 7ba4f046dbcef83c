package io.bedside.identity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.bedside.audit.AuditAction;
import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.identity.internal.Families;
import io.bedside.identity.internal.Invitations;
import io.bedside.identity.internal.PasswordHashing;
import io.bedside.identity.internal.UserAccount;
import io.bedside.identity.internal.UserAccounts;
import io.bedside.patient.Patients;
import io.bedside.practice.ConfidentialAges;
import io.bedside.shared.Actor;
import io.bedside.shared.ConflictException;
import io.bedside.shared.EmailAddresses;
import io.bedside.shared.ForbiddenException;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Relationship;
import io.bedside.shared.UnprocessableException;
import io.bedside.shared.UserId;

/**
 * Family access as people manage it: staff grant a parent, guardian or caregiver access to a
 * patient of their practice, an adult patient grants a caregiver access to their own record, and
 * either ends it. Someone new is invited by the usual one-time link, whose email never names the
 * patient. Every grant, listing and end is audited against the patient, so it shows on the
 * patient's access report. Whether a grant still holds is decided at every request by
 * {@link Families}; the nightly check only stamps the parent grants of patients who came of age.
 */
@Service
public class ProxyGrants {

    static final String PROXY_INVITATION = "proxy-invitation";
    static final Duration PROXY_INVITATION_TTL = Duration.ofDays(7);

    private static final Logger log = LoggerFactory.getLogger(ProxyGrants.class);
    private static final String NO_PATIENT = "No such patient.";
    private static final String NO_GRANT = "No such grant.";

    /** A grant as the people managing it see it: who, how related, since when, and whether it holds today. */
    public record GrantView(UUID id, PatientId patientId, UserId proxyId, String proxyName, String proxyEmail,
            Relationship relationship, Instant grantedAt, boolean inForce) {
        @Override
        public String toString() {
            return "GrantView[" + id + "]";
        }
    }

    private final Families families;
    private final UserAccounts accounts;
    private final Invitations invitations;
    private final PasswordHashing hashing;
    private final Patients patients;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final String baseUrl;

    ProxyGrants(Families families, UserAccounts accounts, Invitations invitations, PasswordHashing hashing,
            Patients patients, AuditTrail audit, ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            @Value("${bedside.base-url:http://localhost:8080}") String baseUrl) {
        this.families = families;
        this.accounts = accounts;
        this.invitations = invitations;
        this.hashing = hashing;
        this.patients = patients;
        this.audit = audit;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    // ------------------------------------------------------------ staff

    /**
     * Staff give someone access to a patient of their practice. An address that already belongs to a
     * patient-side account of the practice gets the grant on that account (a patient may also be a
     * parent); anyone else gets a new account without a password and an invitation.
     */
    @Transactional
    public GrantView grant(Actor staff, PatientId patient, String name, String email, Relationship relationship) {
        requireStaff(staff);
        if (relationship == null || relationship == Relationship.SELF) {
            throw new InvalidRequestException("relationship", "Choose parent, guardian or caregiver.");
        }
        String proxyName = checkName(name);
        String address = checkEmail(email);
        LocalDate birth = openPatient(staff.practiceId(), patient);
        if (relationship.endsAtAdulthood()
                && ConfidentialAges.ageOn(birth, families.today(staff.practiceId())) >= Families.ADULT_AGE) {
            throw new UnprocessableException("The patient is an adult; an adult grants caregiver access themselves.");
        }
        return grantTo(staff, patient, proxyName, address, relationship);
    }

    /** What staff see of the grants on a patient's record: the open ones, in force today or not. */
    @Transactional
    public List<GrantView> list(Actor staff, PatientId patient) {
        requireStaff(staff);
        if (!patients.exists(staff.practiceId(), patient)) {
            throw new NotFoundException(NO_PATIENT);
        }
        audit.record(AuditRecord.allowed(staff, patient, AuditAction.PROXIES_LISTED, "patient", patient));
        return views(staff.practiceId(), patient);
    }

    /** Staff end a grant on a patient of their practice. */
    @Transactional
    public void revoke(Actor staff, PatientId patient, UUID grantId) {
        requireStaff(staff);
        ProxyGrant g = families.find(staff.practiceId(), grantId).filter(ProxyGrant::open)
                .filter(x -> x.patientId().equals(patient)).orElseThrow(() -> new NotFoundException(NO_GRANT));
        end(staff, g);
    }

    // ------------------------------------------------------------ an adult patient's own caregivers

    /** An adult patient gives a caregiver access to their own record. */
    @Transactional
    public GrantView grantCaregiver(Actor patient, String name, String email) {
        Actor self = adultSelf(patient);
        String proxyName = checkName(name);
        String address = checkEmail(email);
        return grantTo(self, self.patientId(), proxyName, address, Relationship.CAREGIVER);
    }

    /** The grants on the patient's own record (a proxy-only account has none to list). */
    @Transactional
    public List<GrantView> listOwn(Actor patient) {
        Actor self = self(patient);
        audit.record(AuditRecord.allowed(self, self.patientId(), AuditAction.PROXIES_LISTED, "patient",
                self.patientId()));
        return views(self.practiceId(), self.patientId());
    }

    /** A patient ends a grant on their own record, whoever made it (a minor's parent grant included). */
    @Transactional
    public void revokeOwn(Actor patient, UUID grantId) {
        // A grant id from an account with no record of its own names nothing it may end.
        if (patient == null || !patient.isPatient() || patient.ownPatientId().isEmpty()) {
            throw new NotFoundException(NO_GRANT);
        }
        Actor self = self(patient);
        ProxyGrant g = families.find(self.practiceId(), grantId).filter(ProxyGrant::open)
                .filter(x -> x.patientId().equals(self.patientId())).orElseThrow(() -> new NotFoundException(NO_GRANT));
        if (g.relationship().endsAtAdulthood()) {
            // A parent's or guardian's access is the practice's to change while the patient is a minor
            // (their own questions are private already); it ends by itself at 18.
            throw new ForbiddenException("A parent's or guardian's access ends by itself when you turn 18. "
                    + "Until then, ask your care team if it should change.");
        }
        end(self, g);
    }

    // ------------------------------------------------------------ coming of age

    /**
     * Ends every open parent or guardian grant whose patient is 18 or more on the practice's
     * calendar, each in its own transaction and audited. Access had lapsed already at every request;
     * this stamps it. Several nodes may run it at once: one end wins each grant, and only it audits.
     *
     * @return how many grants it ended
     */
    @Scheduled(cron = "${bedside.proxies.nightly-check:0 30 3 * * *}")
    public int endGrantsOfAdults() {
        Map<PracticeId, List<ProxyGrant>> byPractice = families.openMinorGrants().stream()
                .collect(Collectors.groupingBy(ProxyGrant::practiceId));
        int ended = 0;
        for (var entry : byPractice.entrySet()) {
            PracticeId practice = entry.getKey();
            LocalDate today = families.today(practice);
            Map<PatientId, LocalDate> births = patients.birthDatesOfOpen(practice,
                    entry.getValue().stream().map(ProxyGrant::patientId).distinct().toList());
            for (ProxyGrant g : entry.getValue()) {
                LocalDate birth = births.get(g.patientId());
                if (birth == null || ConfidentialAges.ageOn(birth, today) < Families.ADULT_AGE) {
                    continue;
                }
                Boolean done = transaction.execute(status -> {
                    if (!families.end(practice, g.id(), null, "adult")) {
                        return false;
                    }
                    audit.record(new AuditRecord(practice, null, g.patientId(), AuditAction.PROXY_ENDED.code(),
                            "proxy_grant", g.id().toString(), true));
                    events.publishEvent(new ProxyGrantEnded(practice, g.patientId(), g.proxyUserId()));
                    return true;
                });
                if (Boolean.TRUE.equals(done)) {
                    ended++;
                }
            }
        }
        if (ended > 0) {
            log.info("Ended {} parent or guardian grant(s) of patients who came of age", ended);
        }
        return ended;
    }

    // ------------------------------------------------------------ demo data

    /** A proxy-only account with a password (demo data only: everyone else is invited). */
    @Transactional
    public UserId createProxyAccount(PracticeId practice, String email, String password, String displayName) {
        UserId id = UserId.random();
        accounts.insert(id, practice, Actor.Kind.PATIENT, Accounts.normalize(email), hashing.hash(password), Set.of(),
                null);
        accounts.setDisplayName(id, displayName);
        return id;
    }

    /** A grant made by seeding (demo data): not audited, nobody is invited. */
    @Transactional
    public void seed(PracticeId practice, PatientId patient, UserId proxy, Relationship relationship, UserId by) {
        families.grant(practice, patient, proxy, relationship, by);
    }

    // ------------------------------------------------------------ inside

    private GrantView grantTo(Actor by, PatientId patient, String name, String address, Relationship relationship) {
        PracticeId practice = by.practiceId();
        Optional<UserAccount> existing = accounts.findByEmail(address);
        UserId proxy;
        boolean invite;
        if (existing.isPresent()) {
            UserAccount a = existing.get();
            if (a.kind() == Actor.Kind.STAFF) {
                throw new ConflictException("This email address belongs to a member of staff. "
                        + "Family access needs the person's own address.");
            }
            if (!a.practiceId().equals(practice)) {
                throw new ConflictException("This email address belongs to an account at another practice. "
                        + "Family access needs an address not in use there.");
            }
            if (patient.equals(a.patientId())) {
                throw new ConflictException("This email address is the patient's own.");
            }
            if (!a.active()) {
                throw new ConflictException("The account with this email address is closed.");
            }
            if (families.openBetween(practice, patient, a.id()).isPresent()) {
                throw new ConflictException("This person already has access to the patient's record.");
            }
            proxy = a.id();
            // Someone invited before who has not set a password yet gets a fresh link.
            invite = a.passwordHash() == null && a.patientId() == null;
        } else {
            proxy = UserId.random();
            try {
                accounts.insert(proxy, practice, Actor.Kind.PATIENT, address, null, Set.of(), null);
            } catch (DuplicateKeyException e) {
                throw new ConflictException("An account with this email address was created at the same time. Try again.");
            }
            accounts.setDisplayName(proxy, name);
            invite = true;
        }
        ProxyGrant g;
        try {
            g = families.grant(practice, patient, proxy, relationship, by.userId());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("This person already has access to the patient's record.");
        }
        if (invite) {
            // The link is made when the email goes out (staff are never shown it): it reaches only
            // the address, and each email's link works until one of them is used.
            events.publishEvent(new ProxyInvited(practice, proxy));
        }
        audit.record(AuditRecord.allowed(by, patient, AuditAction.PROXY_GRANTED, "proxy_grant", g.id()));
        return views(practice, patient).stream().filter(v -> v.id().equals(g.id())).findFirst().orElseThrow();
    }

    private void end(Actor by, ProxyGrant g) {
        if (!families.end(by.practiceId(), g.id(), by.userId(), "revoked")) {
            throw new NotFoundException(NO_GRANT);
        }
        audit.record(AuditRecord.allowed(by, g.patientId(), AuditAction.PROXY_REVOKED, "proxy_grant", g.id()));
        // Someone invited for this patient alone, who never set a password, has nothing left to accept.
        if (families.openFor(g.proxyUserId()).isEmpty()) {
            invitations.revoke(by.practiceId(), g.proxyUserId(), PROXY_INVITATION);
        }
        events.publishEvent(new ProxyGrantEnded(by.practiceId(), g.patientId(), g.proxyUserId()));
    }

    private List<GrantView> views(PracticeId practice, PatientId patient) {
        List<ProxyGrant> open = families.openOn(practice, patient);
        if (open.isEmpty()) {
            return List.of();
        }
        Set<UserId> inForce = families.proxiesInForce(practice, patient).stream().map(ProxyGrant::proxyUserId)
                .collect(Collectors.toSet());
        List<UserId> ids = open.stream().map(ProxyGrant::proxyUserId).toList();
        Map<UserId, String> names = new HashMap<>(accounts.displayNames(ids));
        List<GrantView> views = new ArrayList<>();
        for (ProxyGrant g : open) {
            Optional<UserAccount> account = accounts.find(g.proxyUserId());
            String name = names.get(g.proxyUserId());
            if (name == null) {
                // A patient of the practice who is also a proxy goes by their record's name.
                name = account.map(UserAccount::patientId).flatMap(p -> patients.displayName(practice, p)).orElse("");
            }
            views.add(new GrantView(g.id(), g.patientId(), g.proxyUserId(), name,
                    accounts.email(g.proxyUserId()).orElse(""), g.relationship(), g.grantedAt(),
                    inForce.contains(g.proxyUserId())));
        }
        return views;
    }

    /** The patient's date of birth; not found for another practice's (or no) patient, 422 for a closed account. */
    private LocalDate openPatient(PracticeId practice, PatientId patient) {
        if (patient == null || !patients.exists(practice, patient)) {
            throw new NotFoundException(NO_PATIENT);
        }
        LocalDate birth = patients.birthDatesOfOpen(practice, List.of(patient)).get(patient);
        if (birth == null) {
            throw new UnprocessableException("The patient's account is closed.");
        }
        return birth;
    }

    private static void requireStaff(Actor actor) {
        // A patient or a proxy asking for a patient's grants is told the patient does not exist.
        if (actor == null || !actor.isStaff()) {
            throw new NotFoundException(NO_PATIENT);
        }
    }

    /** The caller acting for their own record: only an account that has one. */
    private static Actor self(Actor actor) {
        if (actor == null || !actor.isPatient()) {
            throw new NotFoundException();
        }
        PatientId own = actor.ownPatientId().orElseThrow(() -> new ForbiddenException(
                "Only a patient manages access to their own record; you act for others only."));
        return actor.actingAs(own);
    }

    /** Whether this caller may grant caregiver access: an adult patient acting for themselves. */
    public boolean mayGrantCaregiver(Actor actor) {
        try {
            adultSelf(actor);
            return true;
        } catch (NotFoundException | ForbiddenException no) {
            return false;
        }
    }

    private Actor adultSelf(Actor actor) {
        Actor self = self(actor);
        LocalDate birth = patients.birthDatesOfOpen(self.practiceId(), List.of(self.patientId())).get(self.patientId());
        if (birth == null) {
            throw new NotFoundException();
        }
        if (ConfidentialAges.ageOn(birth, families.today(self.practiceId())) < Families.ADULT_AGE) {
            throw new ForbiddenException("Only an adult patient grants caregiver access. Ask the practice to add a "
                    + "parent or guardian.");
        }
        return self;
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw new InvalidRequestException("name", "Enter the person's name (at most 200 characters).");
        }
        return name.strip();
    }

    private static String checkEmail(String email) {
        String address = Accounts.normalize(email);
        if (!EmailAddresses.valid(address)) {
            throw new InvalidRequestException("email", "Enter an email address such as name@example.org.");
        }
        return address;
    }
}
