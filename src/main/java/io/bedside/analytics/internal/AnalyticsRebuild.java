package io.bedside.analytics.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.bedside.messaging.ConversationId;
import io.bedside.messaging.system.ConversationHistory;
import io.bedside.messaging.system.SystemConversations;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;

/**
 * Counts the conversations analytics did not see happen (those of a practice that used Bedside
 * before this module, or rows lost): each is replayed from messaging's history, ids and times only,
 * through the same steps as a live change. What the history does not hold is worked out the way
 * workflow would have seen it: urgent if its priority is urgent now, overdue if a wait was answered
 * late or is open past its due time, and a wait left open on a conversation no longer open ended
 * unanswered at its last activity. Conversations already counted are left as they are, so the
 * rebuild can run again (and on a live system) without counting anything twice.
 */
@Service
public class AnalyticsRebuild {

    /** How many conversations were read and how many of them were counted anew. */
    public record Result(long read, long counted) {
    }

    private final SystemConversations conversations;
    private final AnalyticsRecorder recorder;
    private final AnalyticsRows rows;
    private final TransactionTemplate transaction;
    private final Clock clock;

    AnalyticsRebuild(SystemConversations conversations, AnalyticsRecorder recorder, AnalyticsRows rows,
            TransactionTemplate transaction, Clock clock) {
        this.conversations = conversations;
        this.recorder = recorder;
        this.rows = rows;
        this.transaction = transaction;
        this.clock = clock;
    }

    public Result rebuild(PracticeId practice, int batchSize) {
        long read = 0;
        long counted = 0;
        ConversationId after = null;
        while (true) {
            List<ConversationHistory> page = conversations.history(practice, after, batchSize);
            if (page.isEmpty()) {
                break;
            }
            Long done = transaction.execute(tx -> page.stream().filter(c -> replay(practice, c)).count());
            read += page.size();
            counted += done == null ? 0 : done;
            after = page.get(page.size() - 1).id();
        }
        if (counted > 0) {
            transaction.executeWithoutResult(tx -> rows.forgetKeptDays(practice));
        }
        return new Result(read, counted);
    }

    private boolean replay(PracticeId practice, ConversationHistory c) {
        if (rows.recorded(c.id())) {
            return false;
        }
        // A campaign's first message is the campaign's own, counted as staff's like any staff message here.
        recorder.recordStart(practice, c.id(), c.careTeamId(), c.kind(), "campaign".equals(c.kind()), 0, c.startedAt());
        for (ConversationHistory.Message m : c.messages()) {
            recorder.recordMessage(practice, c.id(), m.seq(), m.authorId(), m.fromPatient(), m.sentAt());
        }
        if (!c.open()) {
            rows.endUnanswered(c.id(), c.lastActivityAt());
        }
        if (c.urgent()) {
            rows.flagUrgent(c.id());
        }
        Instant now = Timestamps.now(clock);
        rows.flagOverdueIfLate(c.id(), now);
        return true;
    }
}
