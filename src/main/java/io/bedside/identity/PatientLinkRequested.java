package io.bedside.identity;

import io.bedside.shared.PracticeId;
import io.bedside.shared.UserId;

/**
 * A patient needs a one-time link by email: an invitation to set up their account, or a sign-in
 * link they asked for. Ids only; the link itself is made when the email is sent, so it is never
 * stored anywhere but as its hash.
 */
public record PatientLinkRequested(PracticeId practiceId, UserId userId, Purpose purpose) {

    public enum Purpose { INVITATION, SIGN_IN }
}
