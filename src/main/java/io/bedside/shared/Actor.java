package io.bedside.shared;

import java.io.Serializable;
import java.util.Objects;
import java.util.Set;

/**
 * The signed-in caller, as every service sees it: who, of which practice, staff or patient, and
 * with which roles. Services take an {@code Actor} and decide access themselves; a URL rule is
 * never the only guard.
 *
 * @param userId      the account
 * @param practiceId  the practice the account belongs to
 * @param kind        staff or patient
 * @param roles       the staff roles (empty for patients)
 * @param patientId   for a patient account, the patient record it signs in as; otherwise null
 */
public record Actor(UserId userId, PracticeId practiceId, Kind kind, Set<StaffRole> roles, PatientId patientId)
        implements Serializable {

    public enum Kind { STAFF, PATIENT }

    public Actor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(practiceId, "practiceId");
        Objects.requireNonNull(kind, "kind");
        roles = Set.copyOf(roles);
        if (kind == Kind.PATIENT && patientId == null) {
            throw new IllegalArgumentException("a patient actor needs a patient id");
        }
    }

    public boolean isStaff() {
        return kind == Kind.STAFF;
    }

    public boolean isPatient() {
        return kind == Kind.PATIENT;
    }

    public boolean hasRole(StaffRole role) {
        return roles.contains(role);
    }

    public boolean isPracticeAdmin() {
        return isStaff() && hasRole(StaffRole.PRACTICE_ADMIN);
    }

    /**
     * Refuses a patient where only staff may go. A patient is answered "not found", exactly like a
     * missing id, so a staff-only address tells a patient nothing about what exists there.
     */
    public Actor requireStaff() {
        if (!isStaff()) {
            throw new NotFoundException();
        }
        return this;
    }

    /**
     * Refuses anyone but a practice admin: a patient as {@link #requireStaff()} does, other staff
     * with 403, since they know the page exists and may ask an admin.
     */
    public Actor requireAdmin() {
        requireStaff();
        if (!isPracticeAdmin()) {
            throw new ForbiddenException("Only practice admins can do this.");
        }
        return this;
    }
}
