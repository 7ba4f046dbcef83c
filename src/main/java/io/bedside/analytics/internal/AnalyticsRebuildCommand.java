package io.bedside.analytics.internal;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.bedside.audit.AuditChain;
import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.practice.Practice;
import io.bedside.practice.Practices;
import io.bedside.shared.Command;

/**
 * {@code --bedside.analytics.rebuild=<slug>|all} (docs/operations.md, "Analytics"): counts the
 * conversations analytics has no row for, from messaging's history ({@link AnalyticsRebuild}).
 * Safe to run again and beside running nodes. Audited with the system as actor
 * ({@code analytics.rebuilt}). Exit 0 when done, 2 for an unknown practice (nothing changed).
 */
@Component
@Order(100)
@ConditionalOnProperty("bedside.analytics.rebuild")
class AnalyticsRebuildCommand implements Command {

    private final AnalyticsRebuild rebuild;
    private final Practices practices;
    private final AuditTrail audit;
    private final AuditChain chain;
    private final TransactionTemplate transaction;
    private final String which;
    private final int batchSize;
    private int exitCode = 1;

    AnalyticsRebuildCommand(AnalyticsRebuild rebuild, Practices practices, AuditTrail audit, AuditChain chain,
            TransactionTemplate transaction, @Value("${bedside.analytics.rebuild}") String which,
            @Value("${bedside.analytics.rebuild-batch-size:200}") int batchSize) {
        this.rebuild = rebuild;
        this.practices = practices;
        this.audit = audit;
        this.chain = chain;
        this.transaction = transaction;
        this.which = which.strip();
        this.batchSize = batchSize;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Practice> chosen = "all".equals(which) ? practices.all() : practices.findBySlug(which).stream().toList();
        if (chosen.isEmpty()) {
            System.err.println("No practice has the slug '" + which + "'. Nothing was changed.");
            exitCode = BAD_INPUT;
            return;
        }
        for (Practice practice : chosen) {
            AnalyticsRebuild.Result result = rebuild.rebuild(practice.id(), batchSize);
            transaction.executeWithoutResult(tx -> audit.record(new AuditRecord(practice.id(), null, null,
                    "analytics.rebuilt", "practice", practice.id().toString(), true)));
            System.out.printf("%s: %d conversations read, %d counted anew%n", practice.slug(), result.read(),
                    result.counted());
        }
        chain.sealPending();
        exitCode = 0;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
