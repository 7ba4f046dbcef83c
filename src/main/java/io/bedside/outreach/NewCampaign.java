package io.bedside.outreach;

import java.time.Instant;
import java.util.Map;

import io.bedside.shared.CareTeamId;

/**
 * A campaign to create: its name (the patients see it as the conversation's subject), the care
 * team that answers, who it is for, the texts by language, and when to send (null: now).
 */
public record NewCampaign(String name, CareTeamId careTeamId, Cohort cohort, Map<String, ?> messages, Instant sendAt) {
}
