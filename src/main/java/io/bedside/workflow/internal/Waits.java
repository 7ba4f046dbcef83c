package io.bedside.workflow.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.bedside.messaging.AnswerPromises.Promise;
import io.bedside.messaging.ConversationId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.workflow.ConversationOverdue;

/**
 * The waits under way, read from the answer clocks the rules in this package keep: when each
 * waiting patient can expect an answer, and which waits are late. {@code ResponsePromises} (the
 * module's API) serves these; the table stays with the rules that write it.
 */
@Service
public class Waits {

    private final PromiseRows promises;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Waits(PromiseRows promises, ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock) {
        this.promises = promises;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The promise of each of these conversations that has a patient waiting with a due time. */
    public Map<ConversationId, Promise> promises(PracticeId practice, Collection<ConversationId> conversations) {
        Instant now = clock.instant();
        Map<ConversationId, Promise> result = new HashMap<>();
        promises.waiting(practice, conversations).forEach((id, row) -> {
            if (row.dueAt() != null) {
                result.put(id, new Promise(row.dueAt(), row.dueAt().isBefore(now), row.urgentClockRunning()));
            }
        });
        return result;
    }

    /**
     * Flags the waits past their promise and tells each team's lead, once per wait; how many it
     * flagged. A TransactionTemplate, not {@code @Transactional}: each wait is flagged and its
     * notice queued in a transaction of its own, so one failure rolls back that wait only, and
     * nodes running this at once each commit what their conditional update won.
     */
    public int escalateOverdue() {
        Instant now = Timestamps.now(clock);
        int escalated = 0;
        for (PromiseRows.Row late : promises.lateAndNotEscalated(now, 500)) {
            Boolean done = transaction.execute(tx -> {
                if (!promises.escalate(late.conversationId(), now)) {
                    return false;
                }
                events.publishEvent(new ConversationOverdue(late.practiceId(), late.conversationId(), late.careTeamId()));
                return true;
            });
            escalated += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return escalated;
    }
}
