package io.bedside.identity;

import java.time.Instant;

import io.bedside.shared.PracticeId;
import io.bedside.shared.UserId;

/**
 * A sign-in credential of an account was added, removed or used up. Notification tells the
 * account's email address, without health information, so that an owner who did not make the
 * change learns of it. Published in the transaction of the change.
 */
public record CredentialChanged(PracticeId practiceId, UserId userId, CredentialChange change, Instant at) {
}
