package io.bedside.messaging;

import io.bedside.shared.CareTeamId;
import io.bedside.shared.PatientId;
import io.bedside.shared.UserId;

/**
 * A conversation to start. {@code providerId} names a provider on the team (optional);
 * {@code patientId} is required when staff start one, and must be the caller when a patient does.
 */
public record NewConversation(CareTeamId careTeamId, String subject, String body, ConversationKind kind,
        UserId providerId, PatientId patientId, java.util.Map<String, String> details) {

    public NewConversation(CareTeamId careTeamId, String subject, String body, ConversationKind kind,
            UserId providerId, PatientId patientId) {
        this(careTeamId, subject, body, kind, providerId, patientId, java.util.Map.of());
    }

    @Override
    public String toString() {
        return "NewConversation[team=" + careTeamId + ", kind=" + kind + "]";
    }
}
