package io.bedside.identity;

import io.bedside.shared.PracticeId;
import io.bedside.shared.UserId;

/**
 * A patient asked to change their email address: the new address needs its one-time link. Ids
 * only; the address waits in identity, and the link is made when the email is sent.
 */
public record EmailChangeRequested(PracticeId practiceId, UserId userId) {
}
