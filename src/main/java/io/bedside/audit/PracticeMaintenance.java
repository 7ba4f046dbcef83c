package io.bedside.audit;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.bedside.practice.Practice;
import io.bedside.practice.Practices;
import io.bedside.shared.Command;

/**
 * The common shape of an operator's maintenance command over {@code all} or one practice's slug:
 * an unknown slug changes nothing and exits {@link Command#BAD_INPUT}; otherwise each practice's
 * work runs, is recorded on that practice's audit chain with the system as actor, and its summary
 * line is printed; the chains are sealed at the end so the record is complete when the command exits.
 */
@Component
public class PracticeMaintenance {

    private final Practices practices;
    private final AuditTrail audit;
    private final AuditChain chain;
    private final TransactionTemplate transaction;

    PracticeMaintenance(Practices practices, AuditTrail audit, AuditChain chain, TransactionTemplate transaction) {
        this.practices = practices;
        this.audit = audit;
        this.chain = chain;
        this.transaction = transaction;
    }

    /**
     * Runs {@code work} for each named practice; {@code work} returns the line to print on {@code out}
     * after the practice's slug. Returns the command's exit code. The command hands over its streams:
     * only commands print.
     */
    public int forEach(String allOrSlug, String auditAction, Function<Practice, String> work, PrintStream out,
            PrintStream err) {
        List<Practice> chosen = practices.named(allOrSlug);
        if (chosen.isEmpty()) {
            err.println("No practice has the slug '" + allOrSlug.strip() + "'. Nothing was changed.");
            return Command.BAD_INPUT;
        }
        for (Practice practice : chosen) {
            String summary = work.apply(practice);
            transaction.executeWithoutResult(tx -> audit.record(new AuditRecord(practice.id(), null, null,
                    auditAction, "practice", practice.id().toString(), true)));
            out.println(practice.slug() + ": " + summary);
        }
        chain.sealPending();
        return 0;
    }
}
