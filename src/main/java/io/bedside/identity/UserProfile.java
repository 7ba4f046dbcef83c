package io.bedside.identity;

import java.util.List;

import io.bedside.shared.Actor;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.StaffRole;
import io.bedside.shared.UserId;

/** The signed-in user as they see themselves: {@code GET /api/v1/me}. */
public record UserProfile(UserId id, Actor.Kind kind, PracticeId practiceId, String practiceName, String displayName,
        String email, List<String> roles, PatientId patientId) {

    public boolean isStaff() {
        return kind == Actor.Kind.STAFF;
    }

    public boolean isAdmin() {
        return roles.contains(StaffRole.PRACTICE_ADMIN.code());
    }

    /** The first word of the display name, for a greeting. */
    public String firstName() {
        int space = displayName.indexOf(' ');
        return space < 0 ? displayName : displayName.substring(0, space);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + id + "]";
    }
}
