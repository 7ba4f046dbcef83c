package io.bedside.admin;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.identity.AccountClosures;
import io.bedside.patient.ClosureReason;
import io.bedside.patient.Patient;
import io.bedside.patient.PatientDirectory;
import io.bedside.patient.Patients;
import io.bedside.shared.Actor;
import io.bedside.shared.ConflictException;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.PatientId;
import io.bedside.shared.UnprocessableException;

/**
 * Practice admins close a patient's account (moved away, deceased, at the patient's request,
 * other) and reopen it. Closed: the patient cannot sign in (their tokens and sessions end), gets no
 * notices, is never selected by a campaign and cannot be invited; the record and conversations
 * stay, marked closed with the reason. Reopening restores sign-in with the old password. An
 * account closed because the patient died is reopened only as a correction of a mistake, said so
 * explicitly. Both are audited; other staff get 403, another practice's patient 404.
 */
@Service
public class PatientClosures {

    private final Patients patients;
    private final PatientDirectory directory;
    private final AccountClosures accounts;
    private final AuditTrail audit;

    PatientClosures(Patients patients, PatientDirectory directory, AccountClosures accounts, AuditTrail audit) {
        this.patients = patients;
        this.directory = directory;
        this.accounts = accounts;
        this.audit = audit;
    }

    @Transactional
    public Patient close(Actor actor, PatientId id, String reasonCode) {
        actor.requireAdmin();
        ClosureReason reason = ClosureReason.fromCode(reasonCode == null ? "" : reasonCode.strip())
                .orElseThrow(() -> new InvalidRequestException("reason",
                        "Choose why: moved_away, deceased, patient_request or other."));
        Patient patient = patientOf(actor, id, "patient.account-closed");
        if (!patients.close(actor.practiceId(), id, reason, actor.userId())) {
            throw new ConflictException("This patient's account is closed already.");
        }
        accounts.close(actor.practiceId(), id);
        audit.record(AuditRecord.allowed(actor, id, "patient.account-closed", "patient", id));
        return directory.actedOn(actor, patient.id(), "patient.account-closed");
    }

    /**
     * @param correction the admin says a closure for death was a mistake (the wrong patient, or
     *                   wrong news); required to reopen such an account, ignored otherwise
     */
    @Transactional
    public Patient reopen(Actor actor, PatientId id, boolean correction) {
        actor.requireAdmin();
        Patient patient = patientOf(actor, id, "patient.account-reopened");
        if (!patient.closed()) {
            throw new ConflictException("This patient's account is not closed.");
        }
        if (patient.closure().reason() == ClosureReason.DECEASED && !correction) {
            throw new UnprocessableException("This account was closed because the patient died. Reopen it only to "
                    + "correct a mistake, and say so (correction: true).");
        }
        if (!patients.reopen(actor.practiceId(), id)) {
            throw new ConflictException("This patient's account is not closed.");
        }
        accounts.reopen(actor.practiceId(), id);
        audit.record(AuditRecord.allowed(actor, id, "patient.account-reopened", "patient", id));
        return directory.actedOn(actor, id, "patient.account-reopened");
    }

    private Patient patientOf(Actor actor, PatientId id, String action) {
        return directory.actedOn(actor, id, action);
    }
}
