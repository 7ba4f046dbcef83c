package io.bedside.outreach;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The operators' figures for campaigns (docs/operations.md, "Metrics"): patients targeted when
 * campaigns start, messages sent and recipients skipped as they go out, and how many campaigns
 * are being sent. Summed over every campaign and practice: no campaign's name or id is a label.
 * Counted after each transaction commits, so a batch that rolls back (and is taken again) counts once.
 */
@Component
class CampaignMeters {

    private final Counter targeted;
    private final Counter sent;
    private final Counter skipped;
    private final AtomicInteger sending = new AtomicInteger();

    CampaignMeters(MeterRegistry meters) {
        this.targeted = Counter.builder("bedside.campaigns.targeted")
                .description("Patients selected by campaigns as they started").register(meters);
        this.sent = Counter.builder("bedside.campaigns.recipients").description("Campaign recipients done")
                .tag("outcome", "sent").register(meters);
        this.skipped = Counter.builder("bedside.campaigns.recipients").description("Campaign recipients done")
                .tag("outcome", "skipped").register(meters);
        Gauge.builder("bedside.campaigns.sending", sending, AtomicInteger::get)
                .description("Campaigns being sent, as this node last saw them").register(meters);
    }

    void targeted(int patients) {
        targeted.increment(patients);
    }

    void done(int sentCount, int skippedCount) {
        sent.increment(sentCount);
        skipped.increment(skippedCount);
    }

    void sending(int campaigns) {
        sending.set(campaigns);
    }
}
