package io.bedside.messaging.internal;

import java.time.Instant;

import io.bedside.shared.UserId;

/** How far one participant has read; {@code readAt} is null when they have read nothing yet. */
public record ReadReceipt(UserId userId, String displayName, String role, long lastReadSeq, Instant readAt) {

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + userId + "]";
    }
}
