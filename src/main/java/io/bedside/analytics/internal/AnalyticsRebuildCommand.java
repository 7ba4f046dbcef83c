package io.bedside.analytics.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.bedside.audit.PracticeMaintenance;
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
    private final PracticeMaintenance maintenance;
    private final String which;
    private final int batchSize;
    private int exitCode = 1;

    AnalyticsRebuildCommand(AnalyticsRebuild rebuild, PracticeMaintenance maintenance, @Value("${bedside.analytics.rebuild}") String which,
            @Value("${bedside.analytics.rebuild-batch-size:200}") int batchSize) {
        this.rebuild = rebuild;
        this.maintenance = maintenance;
        this.which = which;
        this.batchSize = batchSize;
    }

    @Override
    public void run(ApplicationArguments args) {
        exitCode = maintenance.forEach(which, "analytics.rebuilt", practice -> {
            AnalyticsRebuild.Result result = rebuild.rebuild(practice.id(), batchSize);
            return "%d conversations read, %d counted anew".formatted(result.read(), result.counted());
        }, System.out, System.err);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
