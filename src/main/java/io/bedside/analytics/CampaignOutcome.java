package io.bedside.analytics;

import java.time.Instant;

/** One campaign started in the range: patients targeted, who read it, who replied. */
public record CampaignOutcome(String campaignId, String name, Instant startedAt, long targeted, long read,
        long replied) {
}
