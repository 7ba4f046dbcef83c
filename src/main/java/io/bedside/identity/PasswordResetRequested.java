package io.bedside.identity;

import io.bedside.shared.PracticeId;
import io.bedside.shared.UserId;

/**
 * Someone asked for a password reset link for this account (or a practice admin sent one to a
 * member of staff): the email is to go out. Ids only; the link is made when the email is sent, so
 * it is never stored anywhere but as its hash.
 */
public record PasswordResetRequested(PracticeId practiceId, UserId userId) {
}
