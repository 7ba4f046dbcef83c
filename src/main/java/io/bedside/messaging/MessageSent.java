package io.bedside.messaging;

import io.bedside.shared.CareTeamId;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.UserId;

/** A message (or an internal note) was added to a conversation. Ids only, never the body. */
public record MessageSent(PracticeId practiceId, ConversationId conversationId, MessageId messageId, long seq,
        PatientId patientId, CareTeamId careTeamId, UserId authorId, boolean fromPatient, boolean internal) {
}
