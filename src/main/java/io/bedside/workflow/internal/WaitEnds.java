package io.bedside.workflow.internal;

import java.time.Clock;
import java.time.Instant;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.bedside.messaging.ConversationReactions;
import io.bedside.messaging.ConversationStatus;
import io.bedside.messaging.ConversationUpdated;
import io.bedside.shared.Timestamps;

/**
 * A conversation the care team closes, or marks waiting on the patient, owes the patient no answer
 * any more: the answer clock stops (and with it the due banner and the overdue alert), as a reply
 * stops it. The patient's next message starts a new wait. Reopening by hand does not: there is
 * nothing new to answer.
 *
 * <p>Order 420, after {@link UrgentClock} (410): a change that both flags a conversation urgent and
 * closes it has the urgent clock settle the wait's due time first, then the wait ends, as when
 * these were Spring event listeners (run in the order of their class names).
 */
@Component
@Order(420)
class WaitEnds implements ConversationReactions {

    private final PromiseRows promises;
    private final Clock clock;

    WaitEnds(PromiseRows promises, Clock clock) {
        this.promises = promises;
        this.clock = clock;
    }

    @Override
    public void updated(ConversationUpdated e) {
        if (e.status() == ConversationStatus.OPEN) {
            return;
        }
        Instant now = Timestamps.now(clock);
        promises.find(e.practiceId(), e.conversationId()).filter(r -> r.waitingSince() != null)
                .ifPresent(r -> promises.answered(e.conversationId(), now));
    }
}
