package io.bedside.messaging;

import io.bedside.shared.CareTeamId;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.UserId;

/**
 * Someone read a conversation up to {@code seq}. {@code patientVisibleSeq} is the same mark as the
 * patient may see it: never past the last message that is not an internal note. {@code byPatient}
 * says the reader was the patient (or someone acting for them), not staff.
 */
public record ReadStateUpdated(PracticeId practiceId, ConversationId conversationId, PatientId patientId,
        CareTeamId careTeamId, UserId userId, long seq, long patientVisibleSeq, boolean byPatient) {
}
