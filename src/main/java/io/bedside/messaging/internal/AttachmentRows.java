package io.bedside.messaging.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.messaging.AttachmentId;
import io.bedside.messaging.ConversationId;
import io.bedside.messaging.MessageId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;

/**
 * The {@code attachment} table (files, thumbnails and names encrypted by {@link Attachments}), and
 * {@code attachment_filename_clear}, the names stored in clear before names were encrypted.
 */
@Repository
class AttachmentRows {

    /** One stored file, as listed with its message: no content. */
    record Listed(UUID id, UUID messageId, byte[] nameCiphertext, String contentType, long sizeBytes,
            boolean hasThumbnail) {
    }

    /** One stored file's name and content (or thumbnail), still encrypted; {@code stored} null if none. */
    record Stored(byte[] nameCiphertext, String contentType, byte[] stored) {
    }

    /** A name still in clear, with where its attachment is. */
    record ClearName(UUID attachment, UUID practice, UUID conversation, String filename) {
    }

    private final JdbcClient jdbc;

    AttachmentRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, PracticeId practice, ConversationId conversation, MessageId message, byte[] name,
            String type, long size, byte[] content, byte[] thumbnail, Instant at) {
        jdbc.sql("""
                insert into attachment (id, practice_id, conversation_id, message_id, filename_ciphertext, content_type,
                                        size_bytes, content_ciphertext, thumbnail_ciphertext, created_at)
                values (:id, :practice, :conversation, :message, :name, :type, :size, :content, :thumb, :at)""")
                .param("id", id).param("practice", practice.value()).param("conversation", conversation.value())
                .param("message", message.value()).param("name", name)
                .param("type", type).param("size", size)
                .param("content", content)
                .param("thumb", thumbnail)
                .param("at", Timestamps.toDb(at))
                .update();
    }

    List<Listed> of(PracticeId practice, ConversationId conversation) {
        return jdbc.sql("""
                select id, message_id, filename_ciphertext, content_type, size_bytes,
                       thumbnail_ciphertext is not null as thumb
                  from attachment where practice_id = :practice and conversation_id = :conversation
                 order by created_at""")
                .param("practice", practice.value()).param("conversation", conversation.value())
                .query((rs, n) -> new Listed(rs.getObject("id", UUID.class), rs.getObject("message_id", UUID.class),
                        rs.getBytes("filename_ciphertext"), rs.getString("content_type"), rs.getLong("size_bytes"),
                        rs.getBoolean("thumb")))
                .list();
    }

    Optional<Attachments.Place> placeOf(PracticeId practice, AttachmentId attachment) {
        return jdbc.sql("""
                select a.conversation_id, m.internal from attachment a join message m on m.id = a.message_id
                 where a.id = :id and a.practice_id = :practice""")
                .param("id", attachment.value()).param("practice", practice.value())
                .query((rs, n) -> new Attachments.Place(ConversationId.of(rs.getObject("conversation_id", UUID.class)),
                        rs.getBoolean("internal")))
                .optional();
    }

    Optional<Stored> find(PracticeId practice, ConversationId conversation, UUID attachment, boolean thumbnail) {
        return jdbc.sql("""
                select filename_ciphertext, content_type, content_ciphertext, thumbnail_ciphertext from attachment
                 where id = :id and practice_id = :practice and conversation_id = :conversation""")
                .param("id", attachment).param("practice", practice.value()).param("conversation", conversation.value())
                .query((rs, n) -> new Stored(rs.getBytes("filename_ciphertext"), rs.getString("content_type"),
                        rs.getBytes(thumbnail ? "thumbnail_ciphertext" : "content_ciphertext")))
                .optional();
    }

    List<ClearName> clearNames(int limit) {
        return jdbc.sql("""
                select c.attachment_id, c.practice_id, a.conversation_id, c.filename
                  from attachment_filename_clear c join attachment a on a.id = c.attachment_id
                 order by c.attachment_id limit""" + " " + limit)
                .query((rs, n) -> new ClearName(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4)))
                .list();
    }

    /** Removes a name still in clear; false when another node took it first. */
    boolean forgetClearName(UUID attachment) {
        return jdbc.sql("delete from attachment_filename_clear where attachment_id = :id").param("id", attachment)
                .update() > 0;
    }

    void setName(UUID attachment, UUID practice, byte[] nameCiphertext) {
        jdbc.sql("update attachment set filename_ciphertext = :name where id = :id and practice_id = :practice")
                .param("name", nameCiphertext).param("id", attachment).param("practice", practice)
                .update();
    }
}
