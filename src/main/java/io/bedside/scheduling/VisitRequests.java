package io.bedside.scheduling;

import java.util.List;

import io.bedside.shared.Actor;
import io.bedside.shared.PatientId;

/**
 * The visit requests of a practice or of one patient, for other modules (an export of the record
 * in FHIR: see {@link VisitRequest} for the mapping). Staff of the practice only; a patient of
 * another practice, or one that does not exist, gives an empty list. Each call is audited
 * ({@code visit_requests.listed}, one row per patient whose requests were read).
 */
public interface VisitRequests {

    /** One patient's visit requests, newest first. */
    List<VisitRequest> ofPatient(Actor staff, PatientId patient);

    /** Every visit request of the staff member's practice, newest first. */
    List<VisitRequest> ofPractice(Actor staff);
}
