package io.bedside.messaging.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.messaging.ConversationId;
import io.bedside.messaging.ConversationStatus;
import io.bedside.messaging.Priority;
import io.bedside.messaging.system.ConversationHistory;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/** Conversations and their messages as ids, codes and times, a page at a time in id order; no ciphertext is read. */
@Repository
class ConversationHistoryRows {

    private record Head(ConversationId id, CareTeamId team, String kind, boolean open, boolean urgent,
            java.time.Instant startedAt, java.time.Instant lastActivityAt) {
    }

    private final JdbcClient jdbc;

    ConversationHistoryRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ConversationHistory> page(PracticeId practice, ConversationId after, int limit) {
        List<Head> heads = jdbc.sql("""
                select id, care_team_id, kind, status, priority, created_at, last_activity_at from conversation
                 where practice_id = :practice and id > :after order by id limit :limit""")
                .param("practice", practice.value()).param("after", after == null ? new UUID(0L, 0L) : after.value())
                .param("limit", limit)
                .query((rs, n) -> new Head(ConversationId.of(rs.getObject("id", UUID.class)),
                        CareTeamId.of(rs.getObject("care_team_id", UUID.class)),
                        ConversationKind.valueOf(rs.getString("kind")).code(),
                        ConversationStatus.valueOf(rs.getString("status")) == ConversationStatus.OPEN,
                        Priority.valueOf(rs.getString("priority")) == Priority.URGENT,
                        Timestamps.fromDb(rs, "created_at"), Timestamps.fromDb(rs, "last_activity_at")))
                .list();
        if (heads.isEmpty()) {
            return List.of();
        }
        Map<ConversationId, List<ConversationHistory.Message>> messages = new LinkedHashMap<>();
        heads.forEach(h -> messages.put(h.id(), new ArrayList<>()));
        jdbc.sql("""
                select conversation_id, seq, author_id, author_kind, created_at from message
                 where practice_id = :practice and conversation_id in (:ids) and internal = false
                   and author_kind <> 'SYSTEM'
                 order by conversation_id, seq""")
                .param("practice", practice.value()).param("ids", heads.stream().map(h -> h.id().value()).toList())
                .query(rs -> {
                    messages.get(ConversationId.of(rs.getObject("conversation_id", UUID.class)))
                            .add(new ConversationHistory.Message(rs.getLong("seq"),
                                    UserId.of(rs.getObject("author_id", UUID.class)),
                                    "PATIENT".equals(rs.getString("author_kind")), Timestamps.fromDb(rs, "created_at")));
                });
        return heads.stream().map(h -> new ConversationHistory(h.id(), h.team(), h.kind(), h.open(), h.urgent(),
                h.startedAt(), h.lastActivityAt(), messages.get(h.id()))).toList();
    }
}
