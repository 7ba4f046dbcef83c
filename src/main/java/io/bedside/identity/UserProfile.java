package io.bedside.identity;

import java.util.List;

import io.bedside.shared.Actor;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.UserId;

/** The signed-in user as they see themselves: {@code GET /api/v1/me}. */
public record UserProfile(UserId id, Actor.Kind kind, PracticeId practiceId, String practiceName, String displayName,
        String email, List<String> roles, PatientId patientId) {

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + id + "]";
    }
}
