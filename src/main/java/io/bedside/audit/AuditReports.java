package io.bedside.audit;

import java.time.Instant;
import java.util.List;

import io.bedside.shared.Actor;
import io.bedside.shared.PatientId;

/**
 * Who accessed whose data: for a practice admin, their practice's trail; for a patient, the trail of
 * their own record. Anyone else may not read it.
 */
public interface AuditReports {

    record Page(List<AuditEntry> items, String nextCursor) {
    }

    Page find(Actor actor, PatientId patient, Instant from, Instant to, String cursor, int limit);
}
