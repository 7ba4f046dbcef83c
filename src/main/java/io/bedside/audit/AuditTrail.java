package io.bedside.audit;

/**
 * Appends to the audit trail. The row is inserted in the caller's transaction when there is one
 * (so a send and its audit row commit together) and never waits on the practice's chain: a
 * sealer chains committed rows shortly afterwards.
 */
public interface AuditTrail {

    void record(AuditRecord record);
}
