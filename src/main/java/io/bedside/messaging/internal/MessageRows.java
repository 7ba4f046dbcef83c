package io.bedside.messaging.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.messaging.ConversationId;
import io.bedside.messaging.MessageId;
import io.bedside.messaging.SystemAuthor;
import io.bedside.shared.Actor;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Relationship;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/** The {@code message} table. */
@Repository
class MessageRows {

    /** A stored message, its body still encrypted. */
    public record Row(MessageId id, PracticeId practiceId, ConversationId conversationId, long seq, UserId authorId,
            Actor.Kind authorKind, byte[] bodyCiphertext, boolean internal, Instant createdAt,
            Relationship proxyRelationship, String via) {

        public Row(MessageId id, PracticeId practiceId, ConversationId conversationId, long seq, UserId authorId,
                Actor.Kind authorKind, byte[] bodyCiphertext, boolean internal, Instant createdAt,
                Relationship proxyRelationship) {
            this(id, practiceId, conversationId, seq, authorId, authorKind, bodyCiphertext, internal, createdAt,
                    proxyRelationship, null);
        }

        public Row(MessageId id, PracticeId practiceId, ConversationId conversationId, long seq, UserId authorId,
                Actor.Kind authorKind, byte[] bodyCiphertext, boolean internal, Instant createdAt) {
            this(id, practiceId, conversationId, seq, authorId, authorKind, bodyCiphertext, internal, createdAt, null);
        }

        static Row map(ResultSet rs, int n) throws SQLException {
            return new Row(MessageId.of(rs.getObject("id", UUID.class)),
                    PracticeId.of(rs.getObject("practice_id", UUID.class)),
                    ConversationId.of(rs.getObject("conversation_id", UUID.class)), rs.getLong("seq"),
                    UserId.of(rs.getObject("author_id", UUID.class)),
                    // Bedside's own messages (SystemAuthor) are told apart by their author id.
                    "SYSTEM".equals(rs.getString("author_kind")) ? Actor.Kind.STAFF
                            : Actor.Kind.valueOf(rs.getString("author_kind")),
                    rs.getBytes("body_ciphertext"), rs.getBoolean("internal"), Timestamps.fromDb(rs, "created_at"),
                    Relationship.ofCode(rs.getString("proxy_relationship")).orElse(null), rs.getString("via"));
        }
    }

    private final JdbcClient jdbc;

    MessageRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The latest message a person wrote (patient or staff, notes included; not Bedside's automatic
     * replies) in each of the given conversations of the practice, for the inbox's preview line.
     */
    public List<Row> latestWritten(PracticeId practice, List<ConversationId> conversations) {
        if (conversations.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select m.* from message m
                 where m.practice_id = :practice and m.conversation_id in (:ids)
                   and m.seq = (select max(w.seq) from message w
                                 where w.conversation_id = m.conversation_id and w.practice_id = m.practice_id
                                   and w.author_kind <> 'SYSTEM')""")
                .param("practice", practice.value())
                .param("ids", conversations.stream().map(ConversationId::value).toList())
                .query(Row::map).list();
    }

    public void insert(Row m) {
        jdbc.sql("""
                insert into message (id, practice_id, conversation_id, seq, author_id, author_kind, body_ciphertext,
                                     internal, created_at, proxy_relationship, via)
                values (:id, :practice, :conversation, :seq, :author, :kind, :body, :internal, :at, :proxy, :via)""")
                .param("via", m.via())
                .param("proxy", m.proxyRelationship() == null ? null : m.proxyRelationship().code())
                .param("id", m.id().value())
                .param("practice", m.practiceId().value())
                .param("conversation", m.conversationId().value())
                .param("seq", m.seq())
                .param("author", m.authorId().value())
                .param("kind", SystemAuthor.is(m.authorId()) ? "SYSTEM" : m.authorKind().name())
                .param("body", m.bodyCiphertext())
                .param("internal", m.internal())
                .param("at", Timestamps.toDb(m.createdAt()))
                .update();
    }

    public List<Row> after(PracticeId practice, ConversationId conversation, long afterSeq, int limit,
            boolean includeInternal) {
        return jdbc.sql("""
                select * from message
                 where practice_id = :practice and conversation_id = :conversation and seq > :after %s
                 order by seq
                 limit %d""".formatted(includeInternal ? "" : "and not internal", limit))
                .param("practice", practice.value())
                .param("conversation", conversation.value())
                .param("after", afterSeq)
                .query(Row::map)
                .list();
    }

    /** The practice's messages among {@code ids}, in no particular order. */
    public List<Row> findAll(PracticeId practice, Collection<MessageId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from message where practice_id = :practice and id in (:ids)")
                .param("practice", practice.value()).param("ids", ids.stream().map(MessageId::value).toList())
                .query(Row::map).list();
    }

    /** A page of the practice's messages after {@code after} (by id), for the re-index. */
    public List<Row> pageOf(PracticeId practice, UUID after, int limit) {
        return jdbc.sql("select * from message where practice_id = :practice and id > :after order by id limit "
                + limit)
                .param("practice", practice.value()).param("after", after)
                .query(Row::map).list();
    }

    /** The practice's messages written at or after {@code since}, for the re-index's last pass. */
    public List<MessageId> idsSince(PracticeId practice, Instant since) {
        return jdbc.sql("select id from message where practice_id = :practice and created_at >= :since")
                .param("practice", practice.value()).param("since", Timestamps.toDb(since))
                .query((rs, n) -> MessageId.of(rs.getObject(1, UUID.class))).list();
    }

    public Optional<Row> find(PracticeId practice, MessageId id) {
        return jdbc.sql("select * from message where id = :id and practice_id = :practice")
                .param("id", id.value()).param("practice", practice.value())
                .query(Row::map).optional();
    }

    /**
     * Whether {@code reader} has an unread message, written at or after {@code since} by an author
     * of the given kind (not an internal note), in one of these conversations.
     */
    public boolean hasUnreadSince(PracticeId practice, UserId reader, Collection<UUID> conversations,
            Actor.Kind authorKind, Instant since) {
        return jdbc.sql("""
                select count(*) from message m
                  left join read_state r on r.conversation_id = m.conversation_id and r.user_id = :reader
                 where m.practice_id = :practice and m.conversation_id in (:conversations) and not m.internal
                   and m.author_kind = :kind and m.created_at >= :since and m.seq > coalesce(r.last_read_seq, 0)""")
                .param("practice", practice.value()).param("reader", reader.value())
                .param("conversations", conversations).param("kind", authorKind.name())
                .param("since", Timestamps.toDb(since))
                .query(Long.class).single() > 0;
    }

    /** Marks a message as having come in another way than the web or the app ({@code sms}: a text message). */
    public void markVia(PracticeId practice, MessageId id, String via) {
        jdbc.sql("update message set via = :via where id = :id and practice_id = :practice")
                .param("via", via).param("id", id.value()).param("practice", practice.value()).update();
    }

    /** The newest message the care team wrote the patient in a conversation (no notes, not Bedside's own). */
    public Optional<Row> newestFromStaff(PracticeId practice, ConversationId conversation) {
        return jdbc.sql("""
                select * from message
                 where practice_id = :practice and conversation_id = :conversation and author_kind = 'STAFF'
                   and not internal
                 order by seq desc limit 1""")
                .param("practice", practice.value()).param("conversation", conversation.value())
                .query(Row::map).optional();
    }
}
