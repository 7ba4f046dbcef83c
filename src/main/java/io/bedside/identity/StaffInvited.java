package io.bedside.identity;

import io.bedside.shared.PracticeId;
import io.bedside.shared.UserId;

/** A member of staff was invited (or invited again): their invitation email is to go out. Ids only. */
public record StaffInvited(PracticeId practiceId, UserId userId) {
}
