package io.bedside.messaging.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.messaging.ConversationId;
import io.bedside.shared.PracticeId;

/**
 * The facts of the patient's status line, for many conversations in two queries: the latest
 * message the patient side wrote, the latest answer by a person on the care team (not Bedside's
 * automatic replies, never internal notes), and how far the care team has read. Numbers only.
 */
@Repository
class StatusLineRows {

    /** Sequence numbers of one conversation: 0 when there is none. */
    record Facts(long patientSeq, long answerSeq, long staffReadSeq) {
    }

    private final JdbcClient jdbc;

    StatusLineRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<ConversationId, Facts> of(PracticeId practice, Collection<ConversationId> conversations) {
        Map<ConversationId, Facts> result = new HashMap<>();
        if (conversations.isEmpty()) {
            return result;
        }
        var ids = conversations.stream().map(ConversationId::value).toList();
        Map<UUID, long[]> seqs = new HashMap<>();
        jdbc.sql("""
                select conversation_id,
                       max(case when author_kind = 'PATIENT' then seq else 0 end) as patient_seq,
                       max(case when author_kind = 'STAFF' then seq else 0 end) as answer_seq
                  from message
                 where practice_id = :practice and conversation_id in (:ids) and internal = false
                 group by conversation_id""")
                .param("practice", practice.value()).param("ids", ids)
                .query(rs -> {
                    seqs.put(rs.getObject("conversation_id", UUID.class),
                            new long[] { rs.getLong("patient_seq"), rs.getLong("answer_seq") });
                });
        Map<UUID, Long> read = new HashMap<>();
        jdbc.sql("""
                select conversation_id, max(last_read_seq) as read_seq
                  from read_state
                 where practice_id = :practice and conversation_id in (:ids) and reader_kind = 'STAFF'
                 group by conversation_id""")
                .param("practice", practice.value()).param("ids", ids)
                .query(rs -> {
                    read.put(rs.getObject("conversation_id", UUID.class), rs.getLong("read_seq"));
                });
        for (ConversationId id : conversations) {
            long[] s = seqs.getOrDefault(id.value(), new long[2]);
            result.put(id, new Facts(s[0], s[1], read.getOrDefault(id.value(), 0L)));
        }
        return result;
    }
}
