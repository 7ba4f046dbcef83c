package io.bedside.audit.internal;

import java.time.Clock;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.shared.Timestamps;

/** Inserts audit rows and queues them for the sealer; takes no lock shared with other requests. */
@Service
class JdbcAuditTrail implements AuditTrail {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate separately;

    JdbcAuditTrail(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * An allowed action is recorded in the caller's transaction, so that it commits or rolls back
     * with what it records. A refusal is recorded in a transaction of its own: the refusal itself
     * rolls the caller's transaction back, and the attempt must stay on the record.
     */
    @Override
    @Transactional
    public void record(AuditRecord r) {
        if (r.allowed()) {
            insert(r);
        } else {
            separately.executeWithoutResult(status -> insert(r));
        }
    }

    private void insert(AuditRecord r) {
        UUID id = UUID.randomUUID();
        HttpServletRequest request = currentRequest();
        jdbc.sql("""
                insert into audit_event (id, practice_id, occurred_at, actor_id, actor_kind, actor_patient_id, patient_id, action,
                                         target_type, target_id, client_address, user_agent, allowed)
                values (:id, :practice, :at, :actor, :kind, :actorPatient, :patient, :action, :targetType, :targetId, :address,
                        :agent, :allowed)""")
                .param("id", id)
                .param("practice", r.practiceId().value())
                .param("at", Timestamps.toDb(Timestamps.now(clock)))
                .param("actor", r.actor() == null ? null : r.actor().userId().value())
                .param("kind", r.actor() == null ? "SYSTEM" : r.actor().kind().name())
                .param("actorPatient", r.actor() == null || r.actor().patientId() == null ? null
                        : r.actor().patientId().value())
                .param("patient", r.patientId() == null ? null : r.patientId().value())
                .param("action", r.action())
                .param("targetType", r.targetType())
                .param("targetId", truncate(r.targetId(), 64))
                .param("address", request == null ? null : truncate(request.getRemoteAddr(), 64))
                .param("agent", request == null ? null : truncate(request.getHeader("User-Agent"), 256))
                .param("allowed", r.allowed())
                .update();
        jdbc.sql("insert into audit_pending (event_id, practice_id) values (:id, :practice)")
                .param("id", id)
                .param("practice", r.practiceId().value())
                .update();
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
