package io.bedside.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of an access report, with the actor named in plain words.
 *
 * @param actorName  the person, e.g. "Dr. Priya Patel"; "Bedside" for the system
 * @param actorRole  the staff role, or "patient"
 * @param sealed     whether the row is already in the hash chain
 */
public record AuditEntry(UUID id, Instant occurredAt, UUID actorId, String actorKind, String actorName,
        String actorRole, UUID patientId, String action, String description, String targetType, String targetId,
        String clientAddress, String userAgent, boolean allowed, boolean sealed) {

    @Override
    public String toString() {
        return "AuditEntry[" + id + "]";
    }
}
