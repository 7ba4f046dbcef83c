package io.bedside.messaging.internal;

import io.bedside.messaging.MessageId;
import java.time.Instant;

/** One message as its reader sees it. Holds PHI: never log it. */
public record MessageView(MessageId id, long seq, Person author, String body, boolean internal, Instant createdAt,
        java.util.List<AttachmentView> attachments) {

    public MessageView(MessageId id, long seq, Person author, String body, boolean internal, Instant createdAt) {
        this(id, seq, author, body, internal, createdAt, java.util.List.of());
    }

    @Override
    public String toString() {
        return "MessageView[" + id + ", seq=" + seq + "]";
    }
}
