package io.bedside.messaging.system;

import io.bedside.messaging.ConversationId;
import io.bedside.messaging.ConversationStatus;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.PatientId;

/**
 * Facts of a conversation without PHI, for a module that keeps its own records about it (scheduling's
 * visit requests): whose it is, which team has it, whether it is kept from the patient's family.
 */
public record ConversationFacts(ConversationId id, PatientId patientId, CareTeamId careTeamId, boolean confidential,
        ConversationStatus status) {
}
