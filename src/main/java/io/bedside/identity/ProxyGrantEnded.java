package io.bedside.identity;

import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.UserId;

/**
 * A proxy's grant on a patient's record ended (revoked, or the patient came of age): what holds the
 * proxy's sign-ins open (event streams) may drop what it sends for that patient. Requests already
 * re-resolve the family on their own.
 */
public record ProxyGrantEnded(PracticeId practiceId, PatientId patientId, UserId proxyUserId) {
}
