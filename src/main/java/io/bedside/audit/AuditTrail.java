package io.bedside.audit;

import java.util.List;

/**
 * Appends to the audit trail. The row is inserted in the caller's transaction when there is one
 * (so a send and its audit row commit together) and never waits on the practice's chain: a
 * sealer chains committed rows shortly afterwards.
 */
public interface AuditTrail {

    void record(AuditRecord record);

    /**
     * Several rows at once, as {@link #record} would write each: a page that shows many patients'
     * data (the inbox's previews) records one row per patient in one round trip instead of many.
     */
    default void recordAll(List<AuditRecord> records) {
        records.forEach(this::record);
    }
}
