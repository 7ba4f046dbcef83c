package io.bedside.messaging;

import io.bedside.shared.CareTeamId;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.UserId;

/** A conversation's status, assignee or priority changed. Codes and ids only. */
public record ConversationUpdated(PracticeId practiceId, ConversationId conversationId, PatientId patientId,
        CareTeamId careTeamId, ConversationStatus status, Priority priority, UserId assigneeId) {
}
