package io.bedside.messaging.internal;

import java.time.Duration;
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
import io.bedside.crypto.BlindIndex;
import io.bedside.practice.Practice;
import io.bedside.practice.Practices;
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
    private final Practices practices;
    private final AuditTrail audit;
    private final AuditChain chain;
    private final TransactionTemplate transaction;
    private final String which;
    private final int batchSize;
    private final Duration settle;
    private int exitCode = 1;

    SearchReindexCommand(SearchReindex reindex, Practices practices, AuditTrail audit, AuditChain chain,
            TransactionTemplate transaction, @Value("${bedside.search.reindex}") String which,
            @Value("${bedside.search.reindex-batch-size:500}") int batchSize,
            @Value("${bedside.search.reindex-settle:PT1M}") Duration settle) {
        this.reindex = reindex;
        this.practices = practices;
        this.audit = audit;
        this.chain = chain;
        this.transaction = transaction;
        this.which = which.strip();
        this.batchSize = batchSize;
        // Running nodes take up the new key within BlindIndex.KEY_CACHE_TIME: never wait less than that.
        this.settle = settle.isZero() || settle.compareTo(BlindIndex.KEY_CACHE_TIME) >= 0 ? settle
                : BlindIndex.KEY_CACHE_TIME;
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
            SearchReindex.Result result = reindex.rebuild(practice.id(), batchSize, settle);
            transaction.executeWithoutResult(tx -> audit.record(new AuditRecord(practice.id(), null, null,
                    "search.reindexed", "practice", practice.id().toString(), true)));
            System.out.printf("%s: search key %d, %d messages indexed%n", practice.slug(), result.keyVersion(),
                    result.messages());
        }
        chain.sealPending();
        exitCode = 0;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
