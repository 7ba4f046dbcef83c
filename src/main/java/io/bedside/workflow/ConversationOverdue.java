package io.bedside.workflow;

import io.bedside.messaging.ConversationId;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.PracticeId;

/** A patient has waited past the team's promise without an answer. Ids only; published once per wait. */
public record ConversationOverdue(PracticeId practiceId, ConversationId conversationId, CareTeamId careTeamId) {
}
