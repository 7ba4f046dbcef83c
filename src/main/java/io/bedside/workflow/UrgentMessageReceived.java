package io.bedside.workflow;

import io.bedside.messaging.ConversationId;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.PracticeId;

/** A patient's message held words that may mean an emergency. Ids only. */
public record UrgentMessageReceived(PracticeId practiceId, ConversationId conversationId, CareTeamId careTeamId) {
}
