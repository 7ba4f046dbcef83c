package io.bedside.patient;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.patient.system.SystemPatients;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;

/** The system's door to patients (see {@link SystemPatients}): reads of patient data are audited. */
@Service
class AuditedSystemPatients implements SystemPatients {

    private final PatientRows rows;
    private final AuditTrail audit;

    AuditedSystemPatients(PatientRows rows, AuditTrail audit) {
        this.rows = rows;
        this.audit = audit;
    }

    @Override
    public List<PatientId> campaignCohort(PracticeId practice, CohortCriteria criteria, LocalDate today) {
        List<PatientId> selected = rows.matching(practice, criteria, today);
        audit.record(new AuditRecord(practice, null, null, "patients.matched", "purpose", CAMPAIGN_COHORT, true));
        return selected;
    }

    @Override
    public Optional<Patient> campaignRecipient(PracticeId practice, PatientId patient) {
        Optional<Patient> found = rows.find(practice, patient);
        found.ifPresent(p -> audit.record(
                new AuditRecord(practice, null, patient, "patient.read", "purpose", CAMPAIGN_MESSAGE, true)));
        return found;
    }

    @Override
    public Map<PatientId, String> languages(PracticeId practice, List<PatientId> patients) {
        return rows.languages(practice, patients);
    }

    @Override
    public Optional<String> preferredLanguage(PracticeId practice, PatientId patient) {
        return rows.find(practice, patient).map(Patient::language);
    }
}
