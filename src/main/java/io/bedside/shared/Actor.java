package io.bedside.shared;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
 * @param patientId   for a patient-side account, the patient record this request acts for: the
 *                    account's own record, or one it is a proxy for; otherwise null
 * @param family      for a patient-side account, every record it may act for, its own first; empty
 *                    for staff. Resolved again on every request, so a revoked or expired grant ends
 *                    at the next one.
 */
public record Actor(UserId userId, PracticeId practiceId, Kind kind, Set<StaffRole> roles, PatientId patientId,
        List<ActingFor> family) implements Serializable {

    public enum Kind { STAFF, PATIENT }

    public Actor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(practiceId, "practiceId");
        Objects.requireNonNull(kind, "kind");
        roles = Set.copyOf(roles);
        family = List.copyOf(family);
        if (kind == Kind.PATIENT && patientId == null) {
            throw new IllegalArgumentException("a patient actor needs a patient id");
        }
        if (kind == Kind.PATIENT && family.stream().noneMatch(f -> f.patientId().equals(patientId))) {
            throw new IllegalArgumentException("a patient actor acts only for a record of its family");
        }
    }

    /** An actor acting for one record only: staff, or a patient's own account without proxies. */
    public Actor(UserId userId, PracticeId practiceId, Kind kind, Set<StaffRole> roles, PatientId patientId) {
        this(userId, practiceId, kind, roles, patientId,
                kind == Kind.PATIENT && patientId != null ? List.of(ActingFor.self(patientId)) : List.of());
    }

    public boolean isStaff() {
        return kind == Kind.STAFF;
    }

    public boolean isPatient() {
        return kind == Kind.PATIENT;
    }

    /** How this account may act for a patient record, if it may at all. */
    public Optional<ActingFor> actingFor(PatientId patient) {
        return family.stream().filter(f -> f.patientId().equals(patient)).findFirst();
    }

    /** How this request acts for its patient: itself or as a proxy; null for staff. */
    public Relationship relationship() {
        return isPatient() ? actingFor(patientId).map(ActingFor::relationship).orElseThrow() : null;
    }

    /** Whether this request acts for someone else's record. */
    public boolean isProxy() {
        return isPatient() && relationship() != Relationship.SELF;
    }

    /** The account's own patient record, if it has one (a proxy need not be a patient). */
    public Optional<PatientId> ownPatientId() {
        return family.stream().filter(ActingFor::isSelf).map(ActingFor::patientId).findFirst();
    }

    /**
     * Whether a patient-side caller may see a conversation of this patient with this
     * confidentiality. Staff are not decided here.
     */
    public boolean maySee(PatientId patient, boolean confidential) {
        return isPatient() && actingFor(patient).filter(f -> f.sees(confidential)).isPresent();
    }

    /**
     * The same account acting for another record of its family; anything else is answered "not
     * found", like a missing id. Staff are returned unchanged.
     */
    public Actor actingAs(PatientId patient) {
        if (!isPatient() || patient == null || patient.equals(patientId)) {
            return this;
        }
        if (actingFor(patient).isEmpty()) {
            throw new NotFoundException();
        }
        return new Actor(userId, practiceId, kind, roles, patient, family);
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
