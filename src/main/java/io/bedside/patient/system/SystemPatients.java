package io.bedside.patient.system;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.bedside.patient.CohortCriteria;
import io.bedside.patient.Patient;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;

/**
 * Patients as the system reads them, each method named for its purpose. Reads that hand out a
 * patient's data (who is in a cohort, a campaign recipient's record) are audited with the system
 * as actor (action {@code patients.matched} / {@code patient.read}, target type {@code purpose},
 * target id the purpose); a patient's language alone is not PHI and is not audited.
 */
public interface SystemPatients {

    /** Purposes, as the audit trail names them. */
    String CAMPAIGN_COHORT = "campaign-cohort";
    String CAMPAIGN_MESSAGE = "campaign-message";

    /**
     * The practice's patients a campaign's cohort selects (see {@link CohortCriteria}) as of the
     * practice's {@code today}, opted-out and closed accounts never among them, by id. One row on
     * the practice's trail: {@code patients.matched} for {@value #CAMPAIGN_COHORT}.
     */
    List<PatientId> campaignCohort(PracticeId practice, CohortCriteria criteria, LocalDate today);

    /**
     * The record of a patient a campaign writes to, to fill in its message; recorded on that
     * patient's trail ({@code patient.read} for {@value #CAMPAIGN_MESSAGE}) when there is one.
     */
    Optional<Patient> campaignRecipient(PracticeId practice, PatientId patient);

    /** The language each of the given patients reads (a campaign's review counts its selection by it). */
    Map<PatientId, String> languages(PracticeId practice, List<PatientId> patients);

    /** The language the patient reads, for the message rules' automatic replies. */
    Optional<String> preferredLanguage(PracticeId practice, PatientId patient);
}
