package io.bedside.messaging.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.messaging.ConversationId;
import io.bedside.messaging.MessageId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/** The idempotency keys of sends, scoped to (practice, user, key), written in the send's transaction. */
@Repository
class IdempotencyKeyRows {

    /** What a key was first used for. */
    public record Used(String requestHash, ConversationId conversationId, MessageId messageId) {
    }

    private final JdbcClient jdbc;

    IdempotencyKeyRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Used> find(PracticeId practice, UserId user, String key) {
        return jdbc.sql("""
                select request_hash, conversation_id, message_id from idempotency_key
                 where practice_id = :practice and user_id = :user and idem_key = :key""")
                .param("practice", practice.value()).param("user", user.value()).param("key", key)
                .query((rs, n) -> {
                    UUID message = rs.getObject("message_id", UUID.class);
                    return new Used(rs.getString("request_hash"),
                            ConversationId.of(rs.getObject("conversation_id", UUID.class)),
                            message == null ? null : MessageId.of(message));
                })
                .optional();
    }

    /** Claims the key; a concurrent claim that committed first makes this fail with a duplicate key. */
    public void insert(PracticeId practice, UserId user, String key, String requestHash, ConversationId conversation,
            MessageId message, Instant at) {
        jdbc.sql("""
                insert into idempotency_key (practice_id, user_id, idem_key, request_hash, conversation_id, message_id,
                                             created_at)
                values (:practice, :user, :key, :hash, :conversation, :message, :at)""")
                .param("practice", practice.value()).param("user", user.value()).param("key", key)
                .param("hash", requestHash).param("conversation", conversation.value())
                .param("message", message.value()).param("at", Timestamps.toDb(at))
                .update();
    }

    public int deleteOlderThan(Instant horizon) {
        return jdbc.sql("delete from idempotency_key where created_at < :horizon")
                .param("horizon", Timestamps.toDb(horizon)).update();
    }
}
