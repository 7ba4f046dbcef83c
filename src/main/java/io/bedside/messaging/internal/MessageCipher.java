package io.bedside.messaging.internal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.bedside.crypto.AssociatedData;
import io.bedside.crypto.PracticeEncryption;
import io.bedside.messaging.ConversationId;
import io.bedside.messaging.MessageId;
import io.bedside.shared.PracticeId;

/**
 * Encrypts subjects and bodies. The associated data binds a body to its practice, conversation
 * and message, and a subject to its practice and conversation: moved to another row, it no longer
 * decrypts.
 */
@Component
public class MessageCipher {

    private final PracticeEncryption encryption;

    MessageCipher(PracticeEncryption encryption) {
        this.encryption = encryption;
    }

    public byte[] encryptBody(PracticeId practice, ConversationId conversation, MessageId message, String body) {
        return encryption.encrypt(practice, body.getBytes(StandardCharsets.UTF_8), bodyContext(conversation, message));
    }

    public String decryptBody(PracticeId practice, ConversationId conversation, MessageId message, byte[] ciphertext) {
        return new String(encryption.decrypt(practice, ciphertext, bodyContext(conversation, message)),
                StandardCharsets.UTF_8);
    }

    public byte[] encryptSubject(PracticeId practice, ConversationId conversation, String subject) {
        return encryption.encrypt(practice, subject.getBytes(StandardCharsets.UTF_8), subjectContext(conversation));
    }

    public String decryptSubject(PracticeId practice, ConversationId conversation, byte[] ciphertext) {
        return new String(encryption.decrypt(practice, ciphertext, subjectContext(conversation)),
                StandardCharsets.UTF_8);
    }

    public byte[] encryptDetails(PracticeId practice, ConversationId conversation, String json) {
        return encryption.encrypt(practice, json.getBytes(StandardCharsets.UTF_8), detailsContext(conversation));
    }

    public String decryptDetails(PracticeId practice, ConversationId conversation, byte[] ciphertext) {
        return new String(encryption.decrypt(practice, ciphertext, detailsContext(conversation)),
                StandardCharsets.UTF_8);
    }

    /** A call's outcome note, bound to its conversation and call. */
    public byte[] encryptCallOutcome(PracticeId practice, ConversationId conversation, UUID call, String note) {
        return encryption.encrypt(practice, note.getBytes(StandardCharsets.UTF_8), callContext(conversation, call));
    }

    public String decryptCallOutcome(PracticeId practice, ConversationId conversation, UUID call,
            byte[] ciphertext) {
        return new String(encryption.decrypt(practice, ciphertext, callContext(conversation, call)),
                StandardCharsets.UTF_8);
    }

    private static AssociatedData callContext(ConversationId conversation, UUID call) {
        return AssociatedData.of("patient_call.outcome", conversation, call);
    }

    private static AssociatedData detailsContext(ConversationId conversation) {
        return AssociatedData.of("conversation.details", conversation);
    }

    private static AssociatedData bodyContext(ConversationId conversation, MessageId message) {
        return AssociatedData.of("message.body", conversation, message);
    }

    private static AssociatedData subjectContext(ConversationId conversation) {
        return AssociatedData.of("conversation.subject", conversation);
    }
}
