package io.bedside.audit.internal;

import java.util.Objects;

import io.bedside.audit.AuditAction;
import io.bedside.audit.AuditEntry;
import io.bedside.shared.Actor;

/**
 * What a patient's own access report shows of a row: who (name and role), what and when. Staff
 * network addresses, browsers and user ids stay in the practice's trail, and a target is named only
 * when it is one of the patient's own conversations or a message they can read, so the id of an
 * internal note never reaches them.
 */
final class PatientReportView {

    private PatientReportView() {
    }

    static AuditEntry of(AuditEntry e, Actor reader) {
        boolean ownAction = reader.userId() != null && Objects.equals(reader.userId().value(), e.actorId());
        boolean namedTarget = "conversation".equals(e.targetType())
                || ("message".equals(e.targetType()) && AuditAction.MESSAGE_SENT.code().equals(e.action()));
        return new AuditEntry(e.id(), e.occurredAt(), ownAction ? e.actorId() : null, e.actorKind(), e.actorName(),
                e.actorRole(), e.patientId(), e.action(), e.description(), namedTarget ? e.targetType() : null,
                namedTarget ? e.targetId() : null, null, null, e.allowed(), e.sealed());
    }
}
