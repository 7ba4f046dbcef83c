package io.bedside.messaging;

import io.bedside.messaging.internal.Codes;

/** Where a conversation stands. */
public enum ConversationStatus {
    OPEN, WAITING_ON_PATIENT, CLOSED;

    public String code() {
        return Codes.of(this);
    }

    public static ConversationStatus fromCode(String code) {
        return Codes.parse(ConversationStatus.class, "status", code);
    }
}
