package io.bedside.outreach;

import java.time.Clock;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.bedside.messaging.ConversationReactions;
import io.bedside.messaging.MessageSent;
import io.bedside.messaging.ReadStateUpdated;
import io.bedside.shared.Timestamps;

/**
 * Moves a recipient along the funnel when the patient reads or answers a campaign's message, in
 * the transaction of the read or the answer. One indexed update that touches nothing for any
 * conversation a campaign did not start.
 *
 * <p>Order 300 among messaging's reactions: it touches only outreach's recipient rows, which no
 * other reaction reads, so any place would do; it keeps the place it had when the reactions were
 * Spring event listeners (after live and notification, before workflow).
 */
@Component
@Order(300)
class FunnelRecorder implements ConversationReactions {

    private final CampaignRows rows;
    private final Clock clock;

    FunnelRecorder(CampaignRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    @Override
    public void readStateUpdated(ReadStateUpdated e) {
        if (e.byPatient() && e.seq() >= 1) {
            rows.markRead(e.practiceId(), e.conversationId(), Timestamps.now(clock));
        }
    }

    @Override
    public void messageSent(MessageSent e) {
        if (e.fromPatient() && !e.internal()) {
            rows.markReplied(e.practiceId(), e.conversationId(), Timestamps.now(clock));
        }
    }
}
