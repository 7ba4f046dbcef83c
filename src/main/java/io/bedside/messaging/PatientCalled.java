package io.bedside.messaging;

import java.time.Instant;

import io.bedside.shared.CareTeamId;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.UserId;

/** A member of staff recorded a call to the patient about a conversation. Ids and the time only. */
public record PatientCalled(PracticeId practiceId, ConversationId conversationId, PatientId patientId,
        CareTeamId careTeamId, UserId callerId, Instant calledAt) {
}
