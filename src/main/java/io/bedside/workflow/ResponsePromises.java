package io.bedside.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.bedside.messaging.AnswerPromises;
import io.bedside.messaging.ConversationId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.workflow.internal.PromiseRows;

/**
 * The care team's answer promises: when each waiting patient can expect an answer, which waits
 * are late, and the once-per-wait overdue notice to the team's lead.
 */
@Service
public class ResponsePromises implements AnswerPromises {

    private final PromiseRows promises;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ResponsePromises(PromiseRows promises, ApplicationEventPublisher events, TransactionTemplate transaction,
            Clock clock) {
        this.promises = promises;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public Map<ConversationId, Promise> of(PracticeId practice, Collection<ConversationId> conversations) {
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
     * Flags the waits past their promise and tells each team's lead, once per wait. Runs every
     * minute; any node may run it, the conditional update lets one of them send each notice.
     */
    @Scheduled(fixedDelayString = "${bedside.workflow.overdue-check:60s}", initialDelayString = "${bedside.workflow.overdue-check:60s}")
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
