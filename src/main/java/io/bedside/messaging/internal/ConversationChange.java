package io.bedside.messaging.internal;

import io.bedside.messaging.ConversationStatus;
import io.bedside.messaging.Priority;
import io.bedside.shared.UserId;

/**
 * What staff change about a conversation: any of its status, priority and assignee, and whether it
 * is kept from the patient's proxies. Null leaves a field as it is; {@code unassign} clears the
 * assignee. The patient may change {@code confidential} alone (sharing their own question).
 */
public record ConversationChange(ConversationStatus status, Priority priority, UserId assigneeId, boolean unassign,
        Boolean confidential) {

    public ConversationChange(ConversationStatus status, Priority priority, UserId assigneeId, boolean unassign) {
        this(status, priority, assigneeId, unassign, null);
    }

    public boolean isEmpty() {
        return status == null && priority == null && assigneeId == null && !unassign && confidential == null;
    }

    /** Whether this changes nothing but confidentiality: what a patient may ask for. */
    public boolean onlyConfidentiality() {
        return status == null && priority == null && assigneeId == null && !unassign && confidential != null;
    }
}
