package io.bedside.messaging.internal;

import java.time.Instant;
import java.util.List;

import io.bedside.messaging.MessageId;

/** One message as its reader sees it. Holds PHI: never log it. */
public record MessageView(MessageId id, long seq, Person author, String body, boolean internal, Instant createdAt,
        List<AttachmentView> attachments) {

    public MessageView(MessageId id, long seq, Person author, String body, boolean internal, Instant createdAt) {
        this(id, seq, author, body, internal, createdAt, List.of());
    }

    @Override
    public String toString() {
        return "MessageView[" + id + ", seq=" + seq + "]";
    }
}
