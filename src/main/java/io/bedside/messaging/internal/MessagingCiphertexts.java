package io.bedside.messaging.internal;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.bedside.crypto.EncryptedColumn;

/**
 * The messaging tables' ciphertext columns, for key rotation's re-encryption pass: each with the
 * associated data {@link MessageCipher}, {@link Attachments} and {@code Drafts} encrypt it with.
 */
@Configuration(proxyBeanMethods = false)
class MessagingCiphertexts {

    @Bean
    EncryptedColumn conversationSubjectCiphertexts() {
        return new EncryptedColumn("conversation", List.of("id"), "subject_ciphertext", "conversation.subject", List.of("id"));
    }

    @Bean
    EncryptedColumn conversationDetailsCiphertexts() {
        return new EncryptedColumn("conversation", List.of("id"), "details_ciphertext", "conversation.details", List.of("id"));
    }

    @Bean
    EncryptedColumn messageBodyCiphertexts() {
        return new EncryptedColumn("message", List.of("id"), "body_ciphertext", "message.body",
                List.of("conversation_id", "id"));
    }

    @Bean
    EncryptedColumn attachmentContentCiphertexts() {
        return new EncryptedColumn("attachment", List.of("id"), "content_ciphertext", "attachment.content",
                List.of("conversation_id", "id"));
    }

    @Bean
    EncryptedColumn attachmentThumbnailCiphertexts() {
        return new EncryptedColumn("attachment", List.of("id"), "thumbnail_ciphertext", "attachment.thumbnail",
                List.of("conversation_id", "id"));
    }

    @Bean
    EncryptedColumn attachmentFilenameCiphertexts() {
        return new EncryptedColumn("attachment", List.of("id"), "filename_ciphertext", "attachment.filename",
                List.of("conversation_id", "id"));
    }

    @Bean
    EncryptedColumn draftCiphertexts() {
        return new EncryptedColumn("draft", List.of("user_id", "scope"), "content_ciphertext", "draft",
                List.of("user_id", "scope"));
    }

    @Bean
    EncryptedColumn patientCallOutcomeCiphertexts() {
        return new EncryptedColumn("patient_call", List.of("id"), "outcome_ciphertext", "patient_call.outcome",
                List.of("conversation_id", "id"));
    }
}
