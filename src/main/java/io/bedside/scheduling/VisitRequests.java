package io.bedside.scheduling;

import java.util.List;

import io.bedside.shared.Actor;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;

/**
 * The visit requests of a practice or of one patient, for other modules (an export of the record
 * in FHIR: see {@link VisitRequest} for the mapping). Each read is audited.
 */
public interface VisitRequests {

    /**
     * One patient's visit requests as the reader may see them, newest first: staff of the practice
     * every one; the patient side (the patient, or a proxy acting for the record) those of the
     * conversations it may see, as on the thread pages (a proxy not those of a conversation kept
     * confidential from family). Anyone else, a patient of another practice, or one that does not
     * exist gives an empty list. Audited {@code visit_requests.listed} (one row when any was read).
     */
    List<VisitRequest> ofPatient(Actor reader, PatientId patient);

    /** Every visit request of the staff member's practice, newest first. Staff only (others 404). */
    List<VisitRequest> ofPractice(Actor staff);

    /**
     * Bedside's own read for a practice-wide export to another system (FHIR Bulk Data): the
     * practice's requests, {@code limit} at a time in id order after {@code after} (null: from the
     * first). Who may ask is the caller's to decide (the export's admin asked for it). Each request
     * read is audited under {@code action} on its patient's trail, with Bedside itself as the actor.
     * PHI: never log what this returns.
     */
    List<VisitRequest> exportPage(PracticeId practice, VisitRequestId after, int limit, String action);
}
