package io.bedside.messaging.internal;

import io.bedside.messaging.ConversationStatus;
import io.bedside.messaging.Priority;
import io.bedside.shared.UserId;

/**
 * What staff change about a conversation: any of its status, priority and assignee. Null leaves a
 * field as it is; {@code unassign} clears the assignee.
 */
public record ConversationChange(ConversationStatus status, Priority priority, UserId assigneeId, boolean unassign) {

    public boolean isEmpty() {
        return status == null && priority == null && assigneeId == null && !unassign;
    }
}
