package io.bedside.messaging.internal;

import java.time.Instant;
import java.util.UUID;

import io.bedside.messaging.ConversationId;

/**
 * A member of staff called the patient about a conversation. Staff only. Holds PHI (the outcome
 * note): never log it.
 *
 * @param outcome what came of the call, as the caller wrote it; null when they wrote nothing
 */
public record PatientCall(UUID id, ConversationId conversationId, Person caller, Instant calledAt, String outcome) {

    @Override
    public String toString() {
        return "PatientCall[" + id + "]";
    }
}
