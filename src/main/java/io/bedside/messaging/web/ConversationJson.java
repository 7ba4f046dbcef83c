package io.bedside.messaging.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.bedside.messaging.internal.AttachmentView;
import io.bedside.messaging.internal.CareTeamRef;
import io.bedside.messaging.internal.ConversationDetails;
import io.bedside.messaging.internal.ConversationView;
import io.bedside.messaging.internal.MessageView;
import io.bedside.messaging.internal.Person;
import io.bedside.messaging.internal.ReadReceipt;

/** The JSON shapes of the conversations API. */
final class ConversationJson {

    private ConversationJson() {
    }

    /** A person; {@code onBehalfOf} names the patient when a proxy (a parent, a caregiver) wrote. */
    record PersonJson(String id, String displayName, String role, PersonJson onBehalfOf) {
        static PersonJson of(Person p) {
            return p == null ? null : new PersonJson(p.id().toString(), p.displayName(), p.role(), of(p.onBehalfOf()));
        }

        @Override
        public String toString() {
            return "PersonJson[" + id + "]";
        }
    }

    record TeamJson(String id, String name) {
        static TeamJson of(CareTeamRef t) {
            return new TeamJson(t.id().toString(), t.name());
        }
    }

    /** A file on a message; {@code url} downloads it with the same bearer token. */
    record AttachmentJson(String id, String fileName, String contentType, long size, String url) {
        static AttachmentJson of(AttachmentView a) {
            return new AttachmentJson(a.id().toString(), a.filename(), a.contentType(), a.sizeBytes(),
                    "/api/v1/attachments/" + a.id());
        }

        @Override
        public String toString() {
            return "AttachmentJson[" + id + "]";
        }
    }

    record MessageJson(String id, long seq, PersonJson author, String body, boolean internal, Instant createdAt,
            List<AttachmentJson> attachments, String via) {
        /** {@code via}: {@code sms} when the patient wrote by text message, {@code web} otherwise. */
        static MessageJson of(MessageView m) {
            return new MessageJson(m.id().toString(), m.seq(), PersonJson.of(m.author()), m.body(), m.internal(),
                    m.createdAt(), m.attachments() == null ? List.of()
                            : m.attachments().stream().map(AttachmentJson::of).toList(),
                    m.byText() ? "sms" : "web");
        }

        @Override
        public String toString() {
            return "MessageJson[" + id + "]";
        }
    }

    record ReadStateJson(String userId, String displayName, String role, long lastReadSeq, Instant readAt) {
        static ReadStateJson of(ReadReceipt r) {
            return new ReadStateJson(r.userId().toString(), r.displayName(), r.role(), r.lastReadSeq(), r.readAt());
        }

        @Override
        public String toString() {
            return "ReadStateJson[" + userId + ", " + lastReadSeq + "]";
        }
    }

    record ConversationSummaryJson(String id, String subject, String kind, String status, String priority,
            TeamJson careTeam, PersonJson patient, PersonJson provider, PersonJson assignee, long lastSeq,
            Instant lastActivityAt, Instant createdAt, long unreadCount, boolean confidential) {
        static ConversationSummaryJson of(ConversationView c) {
            return new ConversationSummaryJson(c.id().toString(), c.subject(), c.kind().code(), c.status().code(),
                    c.priority().code(), TeamJson.of(c.careTeam()), PersonJson.of(c.patient()),
                    PersonJson.of(c.provider()), PersonJson.of(c.assignee()), c.lastSeq(), c.lastActivityAt(),
                    c.createdAt(), c.unreadCount(), c.confidential());
        }

        @Override
        public String toString() {
            return "ConversationSummaryJson[" + id + "]";
        }
    }

    record ConversationJsonBody(String id, String subject, String kind, String status, String priority,
            TeamJson careTeam, PersonJson patient, PersonJson provider, PersonJson assignee, long lastSeq,
            Instant lastActivityAt, Instant createdAt, long unreadCount, List<ReadStateJson> participants,
            List<ReadStateJson> readStates, Map<String, String> details, MessageJson firstMessage,
            boolean confidential, Instant snoozedUntil, String mergedInto, Boolean markedUnread) {

        static ConversationJsonBody of(ConversationView c, List<ReadReceipt> participants, MessageView first) {
            List<ReadStateJson> all = participants == null ? null
                    : participants.stream().map(ReadStateJson::of).toList();
            List<ReadStateJson> read = all == null ? null
                    : all.stream().filter(r -> r.readAt() != null).toList();
            return new ConversationJsonBody(c.id().toString(), c.subject(), c.kind().code(), c.status().code(),
                    c.priority().code(), TeamJson.of(c.careTeam()), PersonJson.of(c.patient()),
                    PersonJson.of(c.provider()), PersonJson.of(c.assignee()), c.lastSeq(), c.lastActivityAt(),
                    c.createdAt(), c.unreadCount(), all, read, c.details().isEmpty() ? null : c.details(),
                    first == null ? null : MessageJson.of(first), c.confidential(), c.snoozedUntil(),
                    c.mergedInto() == null ? null : c.mergedInto().toString(), c.markedUnread() ? Boolean.TRUE : null);
        }

        static ConversationJsonBody of(ConversationDetails d) {
            return of(d.conversation(), d.participants(), null);
        }

        @Override
        public String toString() {
            return "ConversationJsonBody[" + id + "]";
        }
    }
}
