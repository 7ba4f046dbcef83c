package io.bedside.scheduling;

import java.time.Instant;
import java.util.List;

import io.bedside.messaging.ConversationId;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.PatientId;
import io.bedside.shared.UserId;

/**
 * A visit request as its reader may see it. Holds PHI (the reason, the patient's note): never log
 * it. An export maps it to FHIR as a {@code ServiceRequest} (intent order, the reason as its
 * {@code reasonCode} text, priority routine/urgent/asap from the urgency) and, once a time is offered
 * or booked, an {@code Appointment} (status proposed while offered, booked once booked, cancelled
 * when declined after an offer), with the preferred times as {@code requestedPeriod}s (the full
 * table: docs/subsystems/fhir.md).
 *
 * @param preferredTimes the patient's preferred times, empty until given
 * @param note           the patient's note with them, null when none
 * @param slotAt         the time offered (status offered, or declined after an offer) or booked
 */
public record VisitRequest(VisitRequestId id, ConversationId conversationId, PatientId patientId,
        CareTeamId careTeamId, VisitStatus status, VisitUrgency urgency, VisitType visitType, String reason,
        List<PreferredTime> preferredTimes, String note, Instant preferencesAt, Instant slotAt, UserId requestedBy,
        Instant createdAt, Instant updatedAt) {

    public VisitRequest {
        preferredTimes = List.copyOf(preferredTimes);
    }

    @Override
    public String toString() {
        return "VisitRequest[" + id + ", " + status + "]";
    }
}
