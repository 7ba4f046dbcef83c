package io.bedside.identity.internal;

import java.util.Set;

import io.bedside.shared.Actor;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.StaffRole;
import io.bedside.shared.UserId;

/** A {@code user_account} row as sign-in needs it. Holds the password hash: never log it. */
public record UserAccount(UserId id, PracticeId practiceId, Actor.Kind kind, String passwordHash, Set<StaffRole> roles,
        PatientId patientId, boolean active) {

    public Actor toActor() {
        return new Actor(id, practiceId, kind, roles, patientId);
    }

    @Override
    public String toString() {
        return "Account[" + id + "]";
    }
}
