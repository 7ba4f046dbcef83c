package io.bedside.outreach.internal;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.bedside.messaging.MessageSent;
import io.bedside.messaging.ReadStateUpdated;
import io.bedside.shared.Timestamps;

/**
 * Moves a recipient along the funnel when the patient reads or answers a campaign's message, in
 * the transaction of the read or the answer. One indexed update that touches nothing for any
 * conversation a campaign did not start.
 */
@Component
class FunnelRecorder {

    private final CampaignRows rows;
    private final Clock clock;

    FunnelRecorder(CampaignRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    @EventListener
    void on(ReadStateUpdated e) {
        if (e.byPatient() && e.seq() >= 1) {
            rows.markRead(e.practiceId(), e.conversationId().value(), Timestamps.now(clock));
        }
    }

    @EventListener
    void on(MessageSent e) {
        if (e.fromPatient() && !e.internal()) {
            rows.markReplied(e.practiceId(), e.conversationId().value(), Timestamps.now(clock));
        }
    }
}
