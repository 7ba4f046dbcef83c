package io.bedside.messaging.internal;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.bedside.audit.PracticeMaintenance;
import io.bedside.crypto.BlindIndex;
import io.bedside.shared.Command;

/**
 * {@code --bedside.search.reindex=<slug>|all} (docs/operations.md, "Search index"): a new search key
 * for the practice(s) and the message search index rebuilt under it; the old key is then destroyed.
 * Audited with the system as actor ({@code search.reindexed}). Exit 0 when done, 2 for an unknown
 * practice (nothing changed).
 */
@Component
@Order(100)
@ConditionalOnProperty("bedside.search.reindex")
class SearchReindexCommand implements Command {

    private final SearchReindex reindex;
    private final PracticeMaintenance maintenance;
    private final String which;
    private final int batchSize;
    private final Duration settle;
    private int exitCode = 1;

    SearchReindexCommand(SearchReindex reindex, PracticeMaintenance maintenance, @Value("${bedside.search.reindex}") String which,
            @Value("${bedside.search.reindex-batch-size:500}") int batchSize,
            @Value("${bedside.search.reindex-settle:PT1M}") Duration settle) {
        this.reindex = reindex;
        this.maintenance = maintenance;
        this.which = which;
        this.batchSize = batchSize;
        // Running nodes take up the new key within BlindIndex.KEY_CACHE_TIME: never wait less than that.
        this.settle = settle.isZero() || settle.compareTo(BlindIndex.KEY_CACHE_TIME) >= 0 ? settle
                : BlindIndex.KEY_CACHE_TIME;
    }

    @Override
    public void run(ApplicationArguments args) {
        exitCode = maintenance.forEach(which, "search.reindexed", practice -> {
            SearchReindex.Result result = reindex.rebuild(practice.id(), batchSize, settle);
            return "search key %d, %d messages indexed".formatted(result.keyVersion(), result.messages());
        }, System.out, System.err);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
