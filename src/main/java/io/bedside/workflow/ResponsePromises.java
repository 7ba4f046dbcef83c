package io.bedside.workflow;

import java.util.Collection;
import java.util.Map;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import io.bedside.messaging.AnswerPromises;
import io.bedside.messaging.ConversationId;
import io.bedside.shared.PracticeId;
import io.bedside.workflow.internal.Waits;

/**
 * The care team's answer promises: when each waiting patient can expect an answer, which waits
 * are late, and the once-per-wait overdue notice to the team's lead. The answer clocks themselves
 * are kept by workflow's rules ({@link Waits} and the reactions beside it).
 */
@Service
public class ResponsePromises implements AnswerPromises {

    private final Waits waits;

    ResponsePromises(Waits waits) {
        this.waits = waits;
    }

    @Override
    public Map<ConversationId, Promise> of(PracticeId practice, Collection<ConversationId> conversations) {
        return waits.promises(practice, conversations);
    }

    /**
     * Flags the waits past their promise and tells each team's lead, once per wait. Runs every
     * minute; any node may run it, the conditional update lets one of them send each notice.
     */
    @Scheduled(fixedDelayString = "${bedside.workflow.overdue-check:60s}", initialDelayString = "${bedside.workflow.overdue-check:60s}")
    public int escalateOverdue() {
        return waits.escalateOverdue();
    }
}
