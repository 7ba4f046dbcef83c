package io.bedside.outreach;

import java.time.Instant;
import java.util.Map;

import io.bedside.shared.CareTeamId;

/**
 * A campaign to create: its name (the patients see it as the conversation's subject), the care
 * team that answers, who it is for, the texts by language, when to send (null: now), and whether
 * to invite the selected patients who have no account yet.
 */
public record NewCampaign(String name, CareTeamId careTeamId, Cohort cohort, Map<String, ?> messages, Instant sendAt,
        boolean inviteNew) {
}
