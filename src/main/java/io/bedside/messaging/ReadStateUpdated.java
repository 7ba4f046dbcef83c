package io.bedside.messaging;

import io.bedside.shared.PracticeId;
import io.bedside.shared.UserId;

/** Someone read a conversation up to {@code seq}. */
public record ReadStateUpdated(PracticeId practiceId, ConversationId conversationId, UserId userId, long seq) {
}
