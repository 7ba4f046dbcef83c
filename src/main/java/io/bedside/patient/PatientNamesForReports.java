package io.bedside.patient;

import java.util.Optional;

import org.springframework.stereotype.Component;

import io.bedside.audit.PatientNames;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;

/** Names the patients an access report lists; reading the report is audited by the report itself. */
@Component
class PatientNamesForReports implements PatientNames {

    private final PatientRows rows;

    PatientNamesForReports(PatientRows rows) {
        this.rows = rows;
    }

    @Override
    public Optional<String> displayName(PracticeId practice, PatientId patient) {
        return rows.find(practice, patient).map(Patient::displayName);
    }
}
