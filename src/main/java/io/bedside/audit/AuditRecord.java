package io.bedside.audit;

import java.util.Objects;

import io.bedside.shared.Actor;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;

/**
 * One thing that happened to a patient's data. Carries ids and an action name, never content.
 *
 * @param practiceId the practice whose trail records it (the caller's, for a denied attempt)
 * @param actor      who did it; null for the system itself
 * @param patientId  whose data, when known and when the caller may know it
 * @param action     what: the code of an {@link AuditAction}, e.g. {@code messages.read}
 * @param targetType the kind of object, e.g. {@code conversation}
 * @param targetId   its id
 * @param allowed    false for an attempt that was refused
 */
public record AuditRecord(PracticeId practiceId, Actor actor, PatientId patientId, String action, String targetType,
        String targetId, boolean allowed) {

    public AuditRecord {
        Objects.requireNonNull(practiceId, "practiceId");
        Objects.requireNonNull(action, "action");
    }

    public static AuditRecord allowed(Actor actor, PatientId patient, String action, String targetType, Object targetId) {
        return new AuditRecord(actor.practiceId(), actor, patient, action, targetType, String.valueOf(targetId), true);
    }

    public static AuditRecord denied(Actor actor, String action, String targetType, Object targetId) {
        return new AuditRecord(actor.practiceId(), actor, null, action, targetType, String.valueOf(targetId), false);
    }

    public static AuditRecord allowed(Actor actor, PatientId patient, AuditAction action, String targetType,
            Object targetId) {
        return allowed(actor, patient, action.code(), targetType, targetId);
    }

    public static AuditRecord denied(Actor actor, AuditAction action, String targetType, Object targetId) {
        return denied(actor, action.code(), targetType, targetId);
    }
}
