package io.bedside.messaging.internal;

import java.time.Instant;
import java.util.UUID;

/** How far one participant has read; {@code readAt} is null when they have read nothing yet. */
public record ReadReceipt(UUID userId, String displayName, String role, long lastReadSeq, Instant readAt) {

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + userId + "]";
    }
}
