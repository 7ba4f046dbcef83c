package io.bedside.identity;

import java.util.UUID;

import io.bedside.shared.PracticeId;
import io.bedside.shared.UserId;

/**
 * A patient's new email address was confirmed and replaced the old one, which is to be told.
 * {@code changeId} names the change, from which identity gives the old address when the notice
 * is sent.
 */
public record EmailChanged(PracticeId practiceId, UserId userId, UUID changeId) {
}
