package io.bedside.messaging;

import io.bedside.messaging.internal.Codes;

/** How soon a conversation needs an answer. */
public enum Priority {
    ROUTINE, HIGH, URGENT;

    public String code() {
        return Codes.of(this);
    }

    public static Priority fromCode(String code) {
        return Codes.parse(Priority.class, "priority", code);
    }
}
