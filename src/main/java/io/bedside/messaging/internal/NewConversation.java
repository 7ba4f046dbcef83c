package io.bedside.messaging.internal;

import java.util.List;
import java.util.Map;

import io.bedside.shared.CareTeamId;
import io.bedside.shared.PatientId;
import io.bedside.shared.UserId;

/**
 * A conversation to start. {@code providerId} names a provider on the team (optional);
 * {@code patientId} is required when staff start one, and must be the caller when a patient does.
 * {@code careTeamId} may be left out of a billing request when the practice has a billing team;
 * {@code subject} may be left out of a structured request (it is then made from the request).
 * {@code attachments} are photos or PDFs sent with the first message, checked like a reply's.
 */
public record NewConversation(CareTeamId careTeamId, String subject, String body, ConversationKind kind,
        UserId providerId, PatientId patientId, Map<String, String> details, List<NewAttachment> attachments,
        Boolean confidential) {

    public NewConversation {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public NewConversation(CareTeamId careTeamId, String subject, String body, ConversationKind kind,
            UserId providerId, PatientId patientId, Map<String, String> details, List<NewAttachment> attachments) {
        this(careTeamId, subject, body, kind, providerId, patientId, details, attachments, null);
    }

    public NewConversation(CareTeamId careTeamId, String subject, String body, ConversationKind kind,
            UserId providerId, PatientId patientId, Map<String, String> details) {
        this(careTeamId, subject, body, kind, providerId, patientId, details, List.of());
    }

    public NewConversation(CareTeamId careTeamId, String subject, String body, ConversationKind kind,
            UserId providerId, PatientId patientId) {
        this(careTeamId, subject, body, kind, providerId, patientId, Map.of(), List.of());
    }

    @Override
    public String toString() {
        return "NewConversation[team=" + careTeamId + ", kind=" + kind + ", files=" + attachments.size() + "]";
    }
}
