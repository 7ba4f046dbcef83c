package io.bedside.audit.internal;

import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

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
class AuditRecorder implements AuditTrail {

    private final AuditEventRows rows;
    private final Clock clock;
    private final TransactionTemplate separately;

    AuditRecorder(AuditEventRows rows, Clock clock, PlatformTransactionManager transactions) {
        this.rows = rows;
        this.clock = clock;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * An allowed action is recorded in the caller's transaction, so that it commits or rolls back
     * with what it records. A refusal is recorded in a transaction of its own (hence the template):
     * the refusal itself rolls the caller's transaction back, and the attempt must stay on the record.
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

    /** Allowed rows in one batch in the caller's transaction; refusals each in their own, as {@link #record}. */
    @Override
    @Transactional
    public void recordAll(List<AuditRecord> records) {
        List<AuditRecord> allowed = records.stream().filter(AuditRecord::allowed).toList();
        if (!allowed.isEmpty()) {
            HttpServletRequest request = currentRequest();
            rows.insertAll(allowed.stream().map(AuditRecorder::stored).toList(), Timestamps.now(clock),
                    request == null ? null : truncate(request.getRemoteAddr(), 64),
                    request == null ? null : truncate(request.getHeader("User-Agent"), 256));
        }
        records.stream().filter(r -> !r.allowed()).forEach(this::record);
    }

    private static AuditRecord stored(AuditRecord r) {
        return new AuditRecord(r.practiceId(), r.actor(), r.patientId(), r.action(), r.targetType(),
                truncate(r.targetId(), 64), r.allowed());
    }

    private void insert(AuditRecord r) {
        HttpServletRequest request = currentRequest();
        rows.insert(stored(r), Timestamps.now(clock), request == null ? null : truncate(request.getRemoteAddr(), 64),
                request == null ? null : truncate(request.getHeader("User-Agent"), 256));
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
