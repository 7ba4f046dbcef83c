/**
 * The tamper-evident audit trail: every read and write of patient data, who did it, from where,
 * and whether it was allowed. Rows are append-only and hash-chained per practice by a sealer;
 * signed checkpoints of the chain head are kept apart; a verifier detects any change.
 */
@ApplicationModule(displayName = "Audit", allowedDependencies = {"shared", "crypto", "practice", "web"})
package io.bedside.audit;

import org.springframework.modulith.ApplicationModule;
