package io.bedside.admin;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.admin.internal.RosterRowChecks;
import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.identity.PatientLinks;
import io.bedside.patient.Patient;
import io.bedside.patient.PatientDirectory;
import io.bedside.patient.Patients;
import io.bedside.patient.RosterEntry;
import io.bedside.practice.Practice;
import io.bedside.practice.Practices;
import io.bedside.practice.StaffDirectory;
import io.bedside.practice.StaffMember;
import io.bedside.shared.Actor;
import io.bedside.shared.ConflictException;
import io.bedside.shared.Ids;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.PatientId;
import io.bedside.shared.StaffRole;
import io.bedside.shared.UserId;

/**
 * Any member of staff keeping the roster right between imports: adding one patient (the roster
 * fields, checked by the same {@link RosterRowChecks} as an import), inviting them at once, and
 * correcting a patient's contact details (email, mobile number, language). To a patient none of
 * this exists (not found); another practice's patient is not found. Each change is audited on the
 * patient's record, naming the fields changed, never their values.
 *
 * <p>The email here is the roster's. A patient who has set up their account keeps signing in with
 * their own address: staff cannot move someone's sign-in (and so their sign-in links) to another
 * mailbox. An invitation not yet accepted goes to the address on the roster when it is sent again.
 */
@Service
public class PatientRecords {

    /** The contact fields staff may change, by their API names. */
    public static final List<String> CONTACT_FIELDS = List.of("email", "phone", "language", "primaryProviderId");

    /** A patient just added: the record, their roster tags and last visit, and whether they were invited. */
    public record Added(Patient patient, List<String> tags, LocalDate lastVisit, boolean invited) {
        @Override
        public String toString() {
            return "Added[" + patient.id() + "]";
        }
    }

    private final Patients patients;
    private final PatientDirectory directory;
    private final StaffDirectory staff;
    private final Practices practices;
    private final PatientLinks links;
    private final AuditTrail audit;
    private final Clock clock;

    PatientRecords(Patients patients, PatientDirectory directory, StaffDirectory staff, Practices practices, PatientLinks links, AuditTrail audit,
            Clock clock) {
        this.patients = patients;
        this.directory = directory;
        this.staff = staff;
        this.practices = practices;
        this.links = links;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Adds one patient to the caller's practice and, when asked, invites them (which needs an email
     * address). A bad field is refused naming it, an external id already on the roster is a
     * conflict; either way nothing is written.
     */
    @Transactional
    public Added add(Actor actor, RosterRowChecks.Fields fields, boolean invite) {
        actor.requireStaff();
        LocalDate today = LocalDate.now(clock.withZone(practices.find(actor.practiceId()).map(Practice::timeZone)
                .orElse(ZoneOffset.UTC)));
        Object checked = RosterRowChecks.check(fields, today);
        if (checked instanceof RosterRowChecks.Refusal refusal) {
            throw new InvalidRequestException(refusal.field(), capitalized(refusal.reason()) + ".");
        }
        RosterEntry entry = (RosterEntry) checked;
        if (invite && entry.email() == null) {
            throw new InvalidRequestException("email", "An invitation needs the patient's email address.");
        }
        if (patients.idByExternalId(actor.practiceId(), entry.externalId()).isPresent()) {
            throw new ConflictException("A patient with this external id is already on the roster.");
        }
        try {
            patients.upsertRoster(actor.practiceId(), List.of(entry), Map.of());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("A patient with this external id is already on the roster.");
        }
        Patient patient = directory.actedOn(actor, patients.idByExternalId(actor.practiceId(), entry.externalId())
                .orElseThrow(), "patient.added");
        audit.record(AuditRecord.allowed(actor, patient.id(), "patient.added", "patient", patient.id()));
        if (invite) {
            links.invite(actor.practiceId(), patient.id());
            audit.record(AuditRecord.allowed(actor, patient.id(), "patient.invited", "patient", patient.id()));
        }
        return new Added(patient, entry.tags(), entry.lastVisit(), invite);
    }

    /** One patient of the caller's practice, for staff; reading it is audited. */
    public Patient find(Actor actor, PatientId id) {
        return directory.patient(actor, id);
    }

    /**
     * Changes some of the patient's contact details (field name to new value: {@code email},
     * {@code phone}, {@code language}, {@code primaryProviderId} (the patient's own physician); null or
     * blank clears email, phone and the physician). An unknown field or a
     * bad value is refused naming it and nothing changes. One audit row per changed field.
     */
    @Transactional
    public Patient changeContact(Actor actor, PatientId id, Map<String, String> changes) {
        Patient current = patientOf(actor, id, "patient.contact-changed");
        for (String field : changes.keySet()) {
            if (!CONTACT_FIELDS.contains(field)) {
                throw new InvalidRequestException(field, "There is no contact field '" + field + "' to change. "
                        + "The fields are " + String.join(", ", CONTACT_FIELDS) + ".");
            }
        }
        String email = current.email();
        if (changes.containsKey("email")) {
            email = RosterRowChecks.email(changes.get("email"));
            if (email == null) {
                throw new InvalidRequestException("email", "Give an email address such as name@example.org, or none.");
            }
        }
        String phone = current.phone();
        if (changes.containsKey("phone")) {
            phone = RosterRowChecks.phone(changes.get("phone"));
            if (phone == null) {
                throw new InvalidRequestException("phone", "Give a mobile number such as +1 555 010 2001, or none.");
            }
        }
        String language = current.language();
        if (changes.containsKey("language")) {
            String given = changes.get("language");
            language = given == null || given.isBlank() ? null : RosterRowChecks.language(given);
            if (language == null) {
                throw new InvalidRequestException("language", "Give a language code such as en or es.");
            }
        }
        UserId physician = patients.primaryProvider(actor.practiceId(), id).orElse(null);
        UserId physicianBefore = physician;
        if (changes.containsKey("primaryProviderId")) {
            physician = physician(actor, changes.get("primaryProviderId"));
        }
        Map<String, Boolean> changed = new LinkedHashMap<>();
        changed.put("email", !Objects.equals(blankToNull(current.email()), blankToNull(email)));
        changed.put("phone", !Objects.equals(blankToNull(current.phone()), blankToNull(phone)));
        changed.put("language", !Objects.equals(current.language(), language));
        changed.put("primaryProviderId", !Objects.equals(physicianBefore, physician));
        if (!changed.containsValue(true)) {
            return current;
        }
        patients.changeContact(actor.practiceId(), id, blankToNull(email), blankToNull(phone), language);
        if (changed.get("primaryProviderId")) {
            patients.setPrimaryProvider(actor.practiceId(), id, physician);
        }
        changed.forEach((field, yes) -> {
            if (yes) {
                audit.record(AuditRecord.allowed(actor, id, "patient.contact-changed", "patient_field", field));
            }
        });
        return directory.actedOn(actor, id, "patient.contact-changed");
    }

    /** The patient's own physician (their team comes first on the patient's home screen), or none. */
    public Optional<UserId> primaryProvider(Actor actor, PatientId id) {
        patientOf(actor, id, "patient.viewed");
        return patients.primaryProvider(actor.practiceId(), id);
    }

    /** The practice's active physicians, whom a patient's own physician is chosen from. */
    public List<StaffMember> physicians(Actor actor) {
        actor.requireStaff();
        return staff.all(actor.practiceId()).stream()
                .filter(m -> m.active() && m.role() == StaffRole.PHYSICIAN).toList();
    }

    private UserId physician(Actor actor, String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        UserId chosen;
        try {
            chosen = UserId.of(Ids.parse(given.strip()));
        } catch (NotFoundException e) {
            chosen = null; // not an id at all: no physician has it
        }
        UserId wanted = chosen;
        return physicians(actor).stream().map(StaffMember::id).filter(id -> id.equals(wanted)).findFirst()
                .orElseThrow(() -> new InvalidRequestException("primaryProviderId",
                        "Choose one of the practice's physicians, or none."));
    }

    private Patient patientOf(Actor actor, PatientId id, String action) {
        return directory.actedOn(actor, id, action);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
