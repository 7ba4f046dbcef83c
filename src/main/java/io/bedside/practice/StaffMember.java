package io.bedside.practice;

import io.bedside.shared.PracticeId;
import io.bedside.shared.StaffRole;
import io.bedside.shared.UserId;

/** A member of a practice's staff as the directory shows them. Their id is their account's id. */
public record StaffMember(UserId id, PracticeId practiceId, String displayName, StaffRole role, String title,
        boolean active) {
}
