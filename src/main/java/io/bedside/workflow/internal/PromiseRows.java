package io.bedside.workflow.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.messaging.ConversationId;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Savepoints;
import io.bedside.shared.Timestamps;

/** The {@code conversation_promise} table. */
@Repository
class PromiseRows {

    record Row(PracticeId practiceId, ConversationId conversationId, CareTeamId careTeamId, Instant waitingSince,
            Instant dueAt, Instant afterHoursReplyAt, Instant escalatedAt, Instant urgentAt, Instant urgentCalledAt, Instant routineDueAt) {

        /** Flagged urgent and nobody has called the patient since: the urgent target sets the due time. */
        public boolean urgentClockRunning() {
            return urgentAt != null && urgentCalledAt == null;
        }
    }

    private final JdbcClient jdbc;
    private final Savepoints savepoints;

    PromiseRows(JdbcClient jdbc, Savepoints savepoints) {
        this.jdbc = jdbc;
        this.savepoints = savepoints;
    }

    /**
     * The row, locked until the transaction ends; created empty first if missing. Looked for first:
     * every later message of a conversation finds it, and an insert that fails on the key costs a
     * savepoint, an error and a rollback on every send.
     */
    Row lock(PracticeId practice, ConversationId conversation, CareTeamId team, Instant now) {
        Optional<Row> existing = lockExisting(practice, conversation);
        if (existing.isPresent()) {
            return existing.get();
        }
        savepoints.insertUnlessPresent(() -> jdbc.sql("""
                insert into conversation_promise (practice_id, conversation_id, care_team_id, updated_at)
                values (:practice, :conversation, :team, :now)""")
                .param("practice", practice.value()).param("conversation", conversation.value())
                .param("team", team.value()).param("now", Timestamps.toDb(now)).update());
        return lockExisting(practice, conversation).orElseThrow();
    }

    private Optional<Row> lockExisting(PracticeId practice, ConversationId conversation) {
        return jdbc.sql("select * from conversation_promise where conversation_id = :id and practice_id = :practice for update")
                .param("id", conversation.value()).param("practice", practice.value())
                .query(PromiseRows::map).optional();
    }

    void startWaiting(ConversationId conversation, Instant since, Instant due, Instant now) {
        jdbc.sql("""
                update conversation_promise set waiting_since = :since, due_at = :due, routine_due_at = :due, escalated_at = null,
                                                updated_at = :now
                 where conversation_id = :id""")
                .param("since", Timestamps.toDb(since)).param("due", Timestamps.toDb(due))
                .param("now", Timestamps.toDb(now)).param("id", conversation.value()).update();
    }

    void answered(ConversationId conversation, Instant now) {
        jdbc.sql("""
                update conversation_promise set waiting_since = null, due_at = null, routine_due_at = null, updated_at = :now
                 where conversation_id = :id""")
                .param("now", Timestamps.toDb(now)).param("id", conversation.value()).update();
    }

    void afterHoursReplied(ConversationId conversation, Instant now) {
        jdbc.sql("update conversation_promise set after_hours_reply_at = :now, updated_at = :now where conversation_id = :id")
                .param("now", Timestamps.toDb(now)).param("id", conversation.value()).update();
    }

    /** Flagged urgent now: the urgent clock starts again, even if someone called about an earlier flag. */
    void urgent(ConversationId conversation, Instant now) {
        jdbc.sql("""
                update conversation_promise set urgent_at = :now, urgent_called_at = null, updated_at = :now
                 where conversation_id = :id""")
                .param("now", Timestamps.toDb(now)).param("id", conversation.value()).update();
    }

    /** Someone called the patient after the flag: the urgent target is met. */
    void urgentCalled(ConversationId conversation, Instant now) {
        jdbc.sql("""
                update conversation_promise set urgent_called_at = :now, updated_at = :now
                 where conversation_id = :id and urgent_at is not null""")
                .param("now", Timestamps.toDb(now)).param("id", conversation.value()).update();
    }

    /** The flag was cleared: no urgent clock any more. */
    void notUrgent(ConversationId conversation, Instant now) {
        jdbc.sql("""
                update conversation_promise set urgent_at = null, urgent_called_at = null, updated_at = :now
                 where conversation_id = :id""")
                .param("now", Timestamps.toDb(now)).param("id", conversation.value()).update();
    }

    /**
     * A new due time for the wait under way. A due time still ahead may go overdue again, so the
     * overdue notice is owed again (once) for it.
     */
    void due(ConversationId conversation, Instant due, Instant now) {
        jdbc.sql("""
                update conversation_promise set due_at = :due, updated_at = :now,
                       escalated_at = case when :ahead then null else escalated_at end
                 where conversation_id = :id and waiting_since is not null""")
                .param("due", Timestamps.toDb(due)).param("now", Timestamps.toDb(now)).param("ahead", due.isAfter(now))
                .param("id", conversation.value()).update();
    }

    /** Marks a late wait as escalated; true only for the one caller that did it. */
    boolean escalate(ConversationId conversation, Instant now) {
        return jdbc.sql("""
                update conversation_promise set escalated_at = :now, updated_at = :now
                 where conversation_id = :id and escalated_at is null and waiting_since is not null""")
                .param("now", Timestamps.toDb(now)).param("id", conversation.value()).update() == 1;
    }

    /** Waits past their due time whose overdue notice has not gone out, oldest first. */
    List<Row> lateAndNotEscalated(Instant now, int limit) {
        return jdbc.sql("""
                select * from conversation_promise
                 where due_at < :now and waiting_since is not null and escalated_at is null
                 order by due_at limit :limit""")
                .param("now", Timestamps.toDb(now)).param("limit", limit)
                .query(PromiseRows::map).list();
    }

    Map<ConversationId, Row> waiting(PracticeId practice, Collection<ConversationId> ids) {
        Map<ConversationId, Row> rows = new HashMap<>();
        if (ids.isEmpty()) {
            return rows;
        }
        jdbc.sql("""
                select * from conversation_promise
                 where practice_id = :practice and conversation_id in (:ids) and waiting_since is not null""")
                .param("practice", practice.value()).param("ids", ids.stream().map(ConversationId::value).toList())
                .query(PromiseRows::map).list().forEach(r -> rows.put(r.conversationId(), r));
        return rows;
    }

    Optional<Row> find(PracticeId practice, ConversationId id) {
        return jdbc.sql("select * from conversation_promise where conversation_id = :id and practice_id = :practice")
                .param("id", id.value()).param("practice", practice.value()).query(PromiseRows::map).optional();
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        return new Row(PracticeId.of(rs.getObject("practice_id", UUID.class)),
                ConversationId.of(rs.getObject("conversation_id", UUID.class)),
                CareTeamId.of(rs.getObject("care_team_id", UUID.class)), Timestamps.fromDb(rs, "waiting_since"),
                Timestamps.fromDb(rs, "due_at"), Timestamps.fromDb(rs, "after_hours_reply_at"),
                Timestamps.fromDb(rs, "escalated_at"), Timestamps.fromDb(rs, "urgent_at"),
                Timestamps.fromDb(rs, "urgent_called_at"), Timestamps.fromDb(rs, "routine_due_at"));
    }
}
