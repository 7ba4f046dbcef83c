package io.bedside.messaging.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.audit.ConversationSubjects;
import io.bedside.messaging.ConversationId;
import io.bedside.messaging.MessageId;
import io.bedside.shared.Actor;
import io.bedside.shared.NotFoundException;

/**
 * Names conversations for an access report: only those the reader may open (the same rule as
 * opening them), and the reading is audited like a list of conversations.
 */
@Component
class AuditedConversationSubjects implements ConversationSubjects {

    /** An access report page names at most this many conversations. */
    private static final int MAX = 100;

    private final ConversationRows conversations;
    private final MessageRows messages;
    private final MessageCipher cipher;
    private final AuditTrail audit;

    AuditedConversationSubjects(ConversationRows conversations, MessageRows messages, MessageCipher cipher,
            AuditTrail audit) {
        this.conversations = conversations;
        this.messages = messages;
        this.cipher = cipher;
        this.audit = audit;
    }

    @Override
    public Map<String, String> subjectsOfMessages(Actor reader, Collection<String> messageIds) {
        Map<String, String> conversationOf = conversationOf(reader, messageIds);
        Map<String, String> byConversation = subjects(reader, conversationOf.values());
        Map<String, String> result = new LinkedHashMap<>();
        conversationOf.forEach((message, conversation) -> {
            String subject = byConversation.get(conversation);
            if (subject != null) {
                result.put(message, subject);
            }
        });
        return result;
    }

    @Override
    public Map<String, String> conversationsOfMessages(Actor reader, Collection<String> messageIds) {
        Map<String, String> result = new LinkedHashMap<>();
        conversationOf(reader, messageIds).forEach((message, conversation) -> conversations
                .find(reader.practiceId(), ConversationId.parse(conversation))
                .filter(row -> ConversationAccess.mayAccess(reader, row))
                .ifPresent(row -> result.put(message, conversation)));
        return result;
    }

    /** The conversation of each message of the reader's practice, whoever may open it. */
    private Map<String, String> conversationOf(Actor reader, Collection<String> messageIds) {
        Map<String, String> conversationOf = new LinkedHashMap<>();
        for (String text : messageIds.stream().distinct().limit(MAX).toList()) {
            try {
                messages.find(reader.practiceId(), MessageId.parse(text))
                        .ifPresent(m -> conversationOf.put(text, m.conversationId().toString()));
            } catch (NotFoundException notAnId) {
                // not a message id: left out
            }
        }
        return conversationOf;
    }

    @Override
    public Map<String, String> subjects(Actor reader, Collection<String> conversationIds) {
        Map<String, String> subjects = new LinkedHashMap<>();
        for (String text : conversationIds.stream().distinct().limit(MAX).toList()) {
            ConversationId id;
            try {
                id = ConversationId.parse(text);
            } catch (NotFoundException notAnId) {
                continue;
            }
            conversations.find(reader.practiceId(), id).filter(row -> ConversationAccess.mayAccess(reader, row))
                    .ifPresent(row -> subjects.put(text,
                            cipher.decryptSubject(row.practiceId(), row.id(), row.subjectCiphertext())));
        }
        if (!subjects.isEmpty()) {
            audit.record(AuditRecord.allowed(reader, reader.isPatient() ? reader.patientId() : null,
                    "conversations.listed", "access_report", reader.isPatient() ? reader.patientId() : reader.userId()));
        }
        return subjects;
    }
}
