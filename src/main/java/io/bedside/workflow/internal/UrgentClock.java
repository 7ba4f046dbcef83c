package io.bedside.workflow.internal;

import java.time.Clock;
import java.time.Instant;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.bedside.messaging.ConversationId;
import io.bedside.messaging.ConversationReactions;
import io.bedside.messaging.ConversationUpdated;
import io.bedside.messaging.PatientCalled;
import io.bedside.messaging.Priority;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.workflow.UrgentTarget;

/**
 * The due time of an urgent conversation: the moment it was flagged (by urgent words, or by staff
 * setting the priority to urgent) plus the practice's urgent target, in wall-clock time. A call to
 * the patient meets the target: the flag stays (a nurse clears it when she is satisfied), and the
 * written answer falls back to the team's usual promise. Clearing the flag does the same.
 * Runs in the transaction of the change that caused it.
 *
 * <p>Order 410 among messaging's reactions, with workflow's others last (after live, notification
 * and outreach): {@link PatientMessageRules} (400) reacts to messages only, this class to updates
 * and calls; it runs before {@link WaitEnds} (420), which also reacts to updates. The priority
 * change that urgent words cause reaches this class nested inside {@link PatientMessageRules}.
 */
@Component
@Order(410)
class UrgentClock implements ConversationReactions {

    private final PromiseRows promises;
    private final UrgentTarget target;
    private final Clock clock;

    UrgentClock(PromiseRows promises, UrgentTarget target, Clock clock) {
        this.promises = promises;
        this.target = target;
        this.clock = clock;
    }

    /** Flagged urgent now: due within the urgent target. */
    void flagged(PracticeId practice, ConversationId conversation, CareTeamId team, Instant now) {
        promises.lock(practice, conversation, team, now);
        promises.urgent(conversation, now);
        settle(practice, conversation, now);
    }

    /** Puts the wait's due time right: the urgent target's while its clock runs, else the team's promise. */
    void settle(PracticeId practice, ConversationId conversation, Instant now) {
        promises.find(practice, conversation).filter(r -> r.waitingSince() != null).ifPresent(row -> {
            Instant routine = row.routineDueAt() != null ? row.routineDueAt() : row.dueAt();
            Instant due = routine;
            if (row.urgentClockRunning()) {
                Instant from = row.urgentAt().isAfter(row.waitingSince()) ? row.urgentAt() : row.waitingSince();
                Instant urgent = from.plus(target.of(practice));
                due = routine == null || urgent.isBefore(routine) ? urgent : routine;
            }
            if (due != null && !due.equals(row.dueAt())) {
                promises.due(conversation, due, now);
            }
        });
    }

    @Override
    public void updated(ConversationUpdated e) {
        Instant now = Timestamps.now(clock);
        var row = promises.find(e.practiceId(), e.conversationId());
        if (e.priority() == Priority.URGENT) {
            if (row.isEmpty() || row.get().urgentAt() == null) {
                flagged(e.practiceId(), e.conversationId(), e.careTeamId(), now);
            }
        } else if (row.isPresent() && row.get().urgentAt() != null) {
            promises.lock(e.practiceId(), e.conversationId(), e.careTeamId(), now);
            promises.notUrgent(e.conversationId(), now);
            settle(e.practiceId(), e.conversationId(), now);
        }
    }

    @Override
    public void patientCalled(PatientCalled e) {
        Instant now = Timestamps.now(clock);
        promises.find(e.practiceId(), e.conversationId()).filter(r -> r.urgentClockRunning()).ifPresent(r -> {
            promises.lock(e.practiceId(), e.conversationId(), e.careTeamId(), now);
            promises.urgentCalled(e.conversationId(), now);
            settle(e.practiceId(), e.conversationId(), now);
        });
    }
}
