package io.bedside.audit;

import io.bedside.shared.PracticeId;

/** Sealing and verifying the per-practice hash chains. */
public interface AuditChain {

    /** Chains every committed, not yet chained row of every practice; returns how many were sealed. */
    int sealPending();

    ChainVerification verify(PracticeId practice);
}
