package io.bedside.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import io.bedside.shared.Timestamps;

/** An audit row as stored. */
record StoredAuditEvent(UUID id, UUID practiceId, Instant occurredAt, UUID actorId, String actorKind, UUID actorPatientId, UUID patientId,
        String action, String targetType, String targetId, String clientAddress, String userAgent, boolean allowed) {

    static StoredAuditEvent map(ResultSet rs, int row) throws SQLException {
        return new StoredAuditEvent(rs.getObject("id", UUID.class), rs.getObject("practice_id", UUID.class),
                Timestamps.fromDb(rs, "occurred_at"), rs.getObject("actor_id", UUID.class), rs.getString("actor_kind"),
                rs.getObject("actor_patient_id", UUID.class), rs.getObject("patient_id", UUID.class), rs.getString("action"), rs.getString("target_type"),
                rs.getString("target_id"), rs.getString("client_address"), rs.getString("user_agent"),
                rs.getBoolean("allowed"));
    }
}
