package io.bedside.messaging.internal;

import java.time.Instant;
import java.util.List;

import io.bedside.messaging.MessageId;

/**
 * One message as its reader sees it; {@code via} is {@code sms} for a patient's text message, else null.
 * Holds PHI: never log it.
 */
public record MessageView(MessageId id, long seq, Person author, String body, boolean internal, Instant createdAt,
        List<AttachmentView> attachments, String via) {

    public MessageView(MessageId id, long seq, Person author, String body, boolean internal, Instant createdAt,
            List<AttachmentView> attachments) {
        this(id, seq, author, body, internal, createdAt, attachments, null);
    }

    /** Whether it came in as a text message (SMS) rather than through Bedside's pages or API. */
    public boolean byText() {
        return "sms".equals(via);
    }

    public MessageView(MessageId id, long seq, Person author, String body, boolean internal, Instant createdAt) {
        this(id, seq, author, body, internal, createdAt, List.of());
    }

    @Override
    public String toString() {
        return "MessageView[" + id + ", seq=" + seq + "]";
    }
}
