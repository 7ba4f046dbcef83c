package io.bedside.audit.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.audit.AuditRecord;
import io.bedside.shared.KeysetCursor;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;

/** The audit rows ({@code audit_event}) and their place in the sealing queue ({@code audit_pending}). */
@Repository
class AuditEventRows {

    /** A stored row, and whether the sealer has chained it yet. */
    record Reported(StoredAuditEvent event, boolean sealed) {
    }

    private final JdbcClient jdbc;

    AuditEventRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the row and queues it for the sealer. */
    void insert(AuditRecord r, Instant at, String clientAddress, String userAgent) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into audit_event (id, practice_id, occurred_at, actor_id, actor_kind, actor_patient_id, patient_id, action,
                                         target_type, target_id, client_address, user_agent, allowed)
                values (:id, :practice, :at, :actor, :kind, :actorPatient, :patient, :action, :targetType, :targetId, :address,
                        :agent, :allowed)""")
                .param("id", id)
                .param("practice", r.practiceId().value())
                .param("at", Timestamps.toDb(at))
                .param("actor", r.actor() == null ? null : r.actor().userId().value())
                .param("kind", r.actor() == null ? "SYSTEM" : r.actor().kind().name())
                .param("actorPatient", r.actor() == null || r.actor().patientId() == null ? null
                        : r.actor().patientId().value())
                .param("patient", r.patientId() == null ? null : r.patientId().value())
                .param("action", r.action())
                .param("targetType", r.targetType())
                .param("targetId", r.targetId())
                .param("address", clientAddress)
                .param("agent", userAgent)
                .param("allowed", r.allowed())
                .update();
        jdbc.sql("insert into audit_pending (event_id, practice_id) values (:id, :practice)")
                .param("id", id)
                .param("practice", r.practiceId().value())
                .update();
    }

    /**
     * Inserts the rows, all at the same time and from the same client, and queues them for the
     * sealer: two statements however many rows (a multi-row insert, the same on H2 and PostgreSQL).
     */
    void insertAll(List<AuditRecord> records, Instant at, String clientAddress, String userAgent) {
        StringBuilder events = new StringBuilder("""
                insert into audit_event (id, practice_id, occurred_at, actor_id, actor_kind, actor_patient_id, patient_id, action,
                                         target_type, target_id, client_address, user_agent, allowed)
                values """);
        StringBuilder pending = new StringBuilder("insert into audit_pending (event_id, practice_id) values ");
        Map<String, Object> params = new HashMap<>();
        params.put("at", Timestamps.toDb(at));
        params.put("address", clientAddress);
        params.put("agent", userAgent);
        for (int i = 0; i < records.size(); i++) {
            AuditRecord r = records.get(i);
            if (i > 0) {
                events.append(", ");
                pending.append(", ");
            }
            events.append("(:id%1$d, :practice%1$d, :at, :actor%1$d, :kind%1$d, :actorPatient%1$d, :patient%1$d, "
                    .formatted(i)).append(":action%1$d, :targetType%1$d, :targetId%1$d, :address, :agent, :allowed%1$d)"
                    .formatted(i));
            pending.append("(:id%1$d, :practice%1$d)".formatted(i));
            params.put("id" + i, UUID.randomUUID());
            params.put("practice" + i, r.practiceId().value());
            params.put("actor" + i, r.actor() == null ? null : r.actor().userId().value());
            params.put("kind" + i, r.actor() == null ? "SYSTEM" : r.actor().kind().name());
            params.put("actorPatient" + i, r.actor() == null || r.actor().patientId() == null ? null
                    : r.actor().patientId().value());
            params.put("patient" + i, r.patientId() == null ? null : r.patientId().value());
            params.put("action" + i, r.action());
            params.put("targetType" + i, r.targetType());
            params.put("targetId" + i, r.targetId());
            params.put("allowed" + i, r.allowed());
        }
        jdbc.sql(events.toString()).params(params).update();
        jdbc.sql(pending.toString()).params(params).update();
    }

    /**
     * A practice's rows (of one patient, when given) from {@code from} up to but not including
     * {@code to}, newest first, after the cursor; one more than {@code limit} when there are more.
     */
    List<Reported> page(PracticeId practice, PatientId patient, Instant from, Instant to, KeysetCursor after,
            int limit) {
        StringBuilder sql = new StringBuilder("""
                select e.*, case when c.event_id is null then false else true end as sealed
                  from audit_event e left join audit_chain c on c.event_id = e.id
                 where e.practice_id = :practice""");
        Map<String, Object> params = new HashMap<>();
        params.put("practice", practice.value());
        if (patient != null) {
            sql.append(" and e.patient_id = :patient");
            params.put("patient", patient.value());
        }
        if (from != null) {
            sql.append(" and e.occurred_at >= :from");
            params.put("from", Timestamps.toDb(from));
        }
        if (to != null) {
            sql.append(" and e.occurred_at < :to");
            params.put("to", Timestamps.toDb(to));
        }
        if (after != null) {
            sql.append(" and (e.occurred_at < :cursorAt or (e.occurred_at = :cursorAt and e.id < :cursorId))");
            params.put("cursorAt", Timestamps.toDb(after.at()));
            params.put("cursorId", after.id());
        }
        sql.append(" order by e.occurred_at desc, e.id desc limit ").append(limit + 1);
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Reported(StoredAuditEvent.map(rs, n), rs.getBoolean("sealed"))).list();
    }
}
