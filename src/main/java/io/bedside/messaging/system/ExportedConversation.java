package io.bedside.messaging.system;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.bedside.messaging.AttachmentId;
import io.bedside.messaging.ConversationId;
import io.bedside.messaging.MessageId;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.PatientId;
import io.bedside.shared.UserId;

/**
 * One conversation as it leaves Bedside for another system (the FHIR export): its subject, request
 * fields and every message the patient's side can see, decrypted. Internal notes are never in it.
 * PHI: never log it ({@link #toString()} names ids only).
 *
 * @param kind    the kind's code ({@code question}, {@code refill}...)
 * @param status  the status's code ({@code open}, {@code waiting_on_patient}, {@code closed})
 * @param details the request's fields in their form's order (a refill's medication...); empty for a question
 */
public record ExportedConversation(ConversationId id, PatientId patientId, String patientName, CareTeamId careTeamId,
        String careTeamName, String kind, String status, String priority, String subject,
        Map<String, String> details, Instant startedAt, Instant lastActivityAt, boolean confidential,
        List<Message> messages) {

    public ExportedConversation {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
        messages = List.copyOf(messages);
    }

    /** Who wrote a message. */
    public enum AuthorKind { PATIENT, PROXY, STAFF, SYSTEM }

    /** One message, decrypted, with its files (names and sizes; never their bytes). */
    public record Message(MessageId id, long seq, UserId authorId, AuthorKind authorKind, String authorName,
            Instant sentAt, String body, List<Attachment> attachments) {

        public Message {
            attachments = List.copyOf(attachments);
        }

        @Override
        public String toString() {
            return "Message[" + id + ", seq " + seq + "]";
        }
    }

    /** A file on a message: where to fetch it, never its content. */
    public record Attachment(AttachmentId id, String filename, String contentType, long sizeBytes) {

        @Override
        public String toString() {
            return "Attachment[" + id + "]";
        }
    }

    @Override
    public String toString() {
        return "ExportedConversation[" + id + ", " + messages.size() + " messages]";
    }
}
