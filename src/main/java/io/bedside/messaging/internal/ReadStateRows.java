package io.bedside.messaging.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.messaging.ConversationId;
import io.bedside.shared.Actor;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Savepoints;
import io.bedside.shared.Timestamps;

/** How far each participant has read each conversation. A read state only ever moves forward. */
@Repository
class ReadStateRows {

    /** A stored read state. */
    public record State(UUID userId, Actor.Kind readerKind, UUID readerPatientId, long lastReadSeq, Instant readAt) {
    }

    private final JdbcClient jdbc;
    private final Savepoints savepoints;

    ReadStateRows(JdbcClient jdbc, Savepoints savepoints) {
        this.jdbc = jdbc;
        this.savepoints = savepoints;
    }

    /** Moves the reader's mark to {@code seq} unless it is already there or further; true if it moved. */
    public boolean advance(PracticeId practice, ConversationId conversation, Actor reader, long seq, Instant at) {
        if (forward(conversation, reader, seq, at)) {
            return true;
        }
        boolean exists = jdbc.sql("select count(*) from read_state where conversation_id = :c and user_id = :u")
                .param("c", conversation.value()).param("u", reader.userId().value())
                .query(Long.class).single() > 0;
        if (exists) {
            return false;
        }
        boolean inserted = savepoints.insertUnlessPresent(() -> jdbc.sql("""
                    insert into read_state (practice_id, conversation_id, user_id, reader_kind, reader_patient_id,
                                            last_read_seq, read_at)
                    values (:practice, :c, :u, :kind, :patient, :seq, :at)""")
                    .param("practice", practice.value()).param("c", conversation.value())
                    .param("u", reader.userId().value()).param("kind", reader.kind().name())
                    .param("patient", reader.patientId() == null ? null : reader.patientId().value())
                    .param("seq", seq).param("at", Timestamps.toDb(at))
                    .update());
        // A concurrent first read made the row; move it forward instead.
        return inserted || forward(conversation, reader, seq, at);
    }

    private boolean forward(ConversationId conversation, Actor reader, long seq, Instant at) {
        return jdbc.sql("""
                update read_state set last_read_seq = :seq, read_at = :at
                 where conversation_id = :c and user_id = :u and last_read_seq < :seq""")
                .param("seq", seq).param("at", Timestamps.toDb(at))
                .param("c", conversation.value()).param("u", reader.userId().value())
                .update() == 1;
    }

    public List<State> of(PracticeId practice, ConversationId conversation) {
        return jdbc.sql("select * from read_state where practice_id = :practice and conversation_id = :c")
                .param("practice", practice.value()).param("c", conversation.value())
                .query((rs, n) -> new State(rs.getObject("user_id", UUID.class),
                        Actor.Kind.valueOf(rs.getString("reader_kind")), rs.getObject("reader_patient_id", UUID.class),
                        rs.getLong("last_read_seq"), Timestamps.fromDb(rs, "read_at")))
                .list();
    }
}
