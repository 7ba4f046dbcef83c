package io.bedside.messaging.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.messaging.ConversationId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/** The {@code patient_call} table: calls to the patient about a conversation, outcome notes encrypted. */
@Repository
class PatientCallRows {

    /** A stored call, its outcome still encrypted (or null). */
    public record Row(UUID id, PracticeId practiceId, ConversationId conversationId, UserId callerId, Instant calledAt,
            byte[] outcomeCiphertext) {
    }

    private final JdbcClient jdbc;

    PatientCallRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Row row) {
        jdbc.sql("""
                insert into patient_call (id, practice_id, conversation_id, caller_id, called_at, outcome_ciphertext)
                values (:id, :practice, :conversation, :caller, :at, :outcome)""")
                .param("id", row.id()).param("practice", row.practiceId().value())
                .param("conversation", row.conversationId().value()).param("caller", row.callerId().value())
                .param("at", Timestamps.toDb(row.calledAt())).param("outcome", row.outcomeCiphertext(), java.sql.Types.BINARY)
                .update();
    }

    /** The conversation's calls, oldest first. */
    public List<Row> of(PracticeId practice, ConversationId conversation) {
        return jdbc.sql("""
                select * from patient_call where practice_id = :practice and conversation_id = :conversation
                 order by called_at, id""")
                .param("practice", practice.value()).param("conversation", conversation.value())
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class),
                        PracticeId.of(rs.getObject("practice_id", UUID.class)),
                        ConversationId.of(rs.getObject("conversation_id", UUID.class)),
                        UserId.of(rs.getObject("caller_id", UUID.class)), Timestamps.fromDb(rs, "called_at"),
                        rs.getBytes("outcome_ciphertext")))
                .list();
    }
}
