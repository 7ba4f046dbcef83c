package io.bedside.messaging;

import io.bedside.shared.CareTeamId;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.UserId;

/**
 * A conversation was started. Ids only: events are persisted and must never hold PHI.
 *
 * @param kind what it is about, as a code ("question", "refill", ...; the API's {@code kind})
 */
public record ConversationStarted(PracticeId practiceId, ConversationId conversationId, PatientId patientId,
        CareTeamId careTeamId, UserId startedBy, String kind) {
}
