package io.bedside.messaging;

import java.util.List;

import org.springframework.stereotype.Service;

import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.patient.Patient;
import io.bedside.patient.Patients;
import io.bedside.shared.Actor;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.PatientId;

/**
 * Staff finding a patient of their practice to write to, and looking at one. Both are reads of
 * patient data, so both are audited; the words searched for are not kept (they are PHI).
 * Patients have no such directory: to them it does not exist.
 */
@Service
public class PatientDirectory {

    private final Patients patients;
    private final AuditTrail audit;

    PatientDirectory(Patients patients, AuditTrail audit) {
        this.patients = patients;
        this.audit = audit;
    }

    public List<Patient> search(Actor actor, String text) {
        requireStaff(actor);
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<Patient> found = patients.search(actor.practiceId(), text, 25);
        // Each patient the results show (name, date of birth) is an access to their data, on their own
        // trail, as the campaign preview records its sample; the search itself is one practice row.
        for (Patient p : found) {
            audit.record(AuditRecord.allowed(actor, p.id(), "patient.searched", "patient", p.id()));
        }
        audit.record(AuditRecord.allowed(actor, null, "patients.searched", "patients", found.size()));
        return found;
    }

    public Patient patient(Actor actor, PatientId id) {
        requireStaff(actor);
        Patient patient = patients.find(actor.practiceId(), id).orElseThrow(() -> {
            audit.record(AuditRecord.denied(actor, "patient.viewed", "patient", id));
            return new NotFoundException("No such patient.");
        });
        audit.record(AuditRecord.allowed(actor, id, "patient.viewed", "patient", id));
        return patient;
    }

    private static void requireStaff(Actor actor) {
        if (!actor.isStaff()) {
            throw new NotFoundException("Not found.");
        }
    }
}
