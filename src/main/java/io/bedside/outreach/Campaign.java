package io.bedside.outreach;

import java.time.Instant;

import io.bedside.shared.CareTeamId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.UserId;

/**
 * A campaign as staff see it: its definition, where it stands and its funnel. Before it starts,
 * {@code funnel.targeted()} is how many patients the cohort selects now.
 */
public record Campaign(CampaignId id, PracticeId practiceId, String name, CareTeamId careTeamId, String careTeamName,
        Cohort cohort, CampaignMessages messages, CampaignStatus status, Instant sendAt, UserId createdBy,
        String createdByName, Instant createdAt, Instant startedAt, Instant finishedAt, Funnel funnel,
        boolean inviteNew) {
}
