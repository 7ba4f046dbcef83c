package io.bedside.messaging;

import java.time.Instant;

/** One message as its reader sees it. Holds PHI: never log it. */
public record MessageView(MessageId id, long seq, Person author, String body, boolean internal, Instant createdAt) {

    @Override
    public String toString() {
        return "MessageView[" + id + ", seq=" + seq + "]";
    }
}
