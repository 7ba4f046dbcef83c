package io.bedside.patient;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.shared.Actor;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.PatientId;

/**
 * The door for people to patients' records: staff finding a patient of their practice and looking
 * at one, and a patient reading their own. A member of staff's read is audited on the patient's
 * trail; the words searched for are not kept (they are PHI). Patients have no directory: to them
 * it does not exist, and another practice's patient is not found.
 */
@Service
public class PatientDirectory {

    private final PatientRows rows;
    private final AuditTrail audit;

    PatientDirectory(PatientRows rows, AuditTrail audit) {
        this.rows = rows;
        this.audit = audit;
    }

    /** Staff searching their practice's patients by name words and date of birth (see {@link PatientRows#search}). */
    public List<Patient> search(Actor actor, String text) {
        actor.requireStaff();
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<Patient> found = rows.search(actor.practiceId(), text, 25);
        // Each patient the results show (name, date of birth) is an access to their data, on their own
        // trail, as the campaign preview records its sample; the search itself is one practice row.
        for (Patient p : found) {
            audit.record(AuditRecord.allowed(actor, p.id(), "patient.searched", "patient", p.id()));
        }
        audit.record(AuditRecord.allowed(actor, null, "patients.searched", "patients", found.size()));
        return found;
    }

    /** Staff opening a patient's page: {@code patient.viewed}, allowed or (no such patient) refused. */
    public Patient patient(Actor actor, PatientId id) {
        actor.requireStaff();
        Patient patient = rows.find(actor.practiceId(), id).orElseThrow(() -> {
            audit.record(AuditRecord.denied(actor, "patient.viewed", "patient", id));
            return new NotFoundException("No such patient.");
        });
        audit.record(AuditRecord.allowed(actor, id, "patient.viewed", "patient", id));
        return patient;
    }

    /**
     * A patient whose data a member of staff is shown as part of {@code action} (a campaign preview's
     * sample: {@code cohort.previewed}), recorded on that patient's trail; empty, and nothing
     * recorded, when the practice has no such patient.
     */
    public Optional<Patient> shown(Actor actor, PatientId id, String action) {
        actor.requireStaff();
        Optional<Patient> patient = rows.find(actor.practiceId(), id);
        patient.ifPresent(p -> audit.record(AuditRecord.allowed(actor, id, action, "patient", id)));
        return patient;
    }

    /**
     * The patient a member of staff is about to act on ({@code action}: closing their account,
     * changing their contact details...). No such patient is refused, recorded as a refused
     * {@code action}; otherwise the caller records {@code action} itself once it is done, which is
     * the audit row of this read.
     */
    public Patient actedOn(Actor actor, PatientId id, String action) {
        actor.requireStaff();
        return rows.find(actor.practiceId(), id).orElseThrow(() -> {
            audit.record(AuditRecord.denied(actor, action, "patient", id));
            return new NotFoundException("No such patient.");
        });
    }

    /**
     * A patient's own record, for their own pages: not an access anyone else made, so not on their
     * trail. Staff have no own record (not found).
     */
    public Patient own(Actor actor) {
        if (!actor.isPatient()) {
            throw new NotFoundException("Not found.");
        }
        // A proxy's own details are their own record's, never those of the patient they act for.
        return actor.ownPatientId().flatMap(own -> rows.find(actor.practiceId(), own))
                .orElseThrow(() -> new NotFoundException("Not found."));
    }
}
