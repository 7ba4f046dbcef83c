package io.bedside.identity;

import io.bedside.shared.PracticeId;
import io.bedside.shared.UserId;

/**
 * Someone was given family access and has no password yet: their invitation email is to go out.
 * Ids only, and no patient's: the email never says for whom the access is.
 */
public record ProxyInvited(PracticeId practiceId, UserId userId) {
}
