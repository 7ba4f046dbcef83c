package io.bedside.messaging;

import io.bedside.shared.CareTeamId;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.UserId;

/**
 * An outreach campaign started a conversation with one patient, its first message written. Ids
 * only. Published instead of {@link ConversationStarted} and {@link MessageSent}, so that a
 * campaign of thousands reaches each patient without ringing every team member's stream.
 */
public record CampaignConversationStarted(PracticeId practiceId, ConversationId conversationId, MessageId messageId,
        PatientId patientId, CareTeamId careTeamId, UserId authorId) {
}
