package io.bedside.audit.internal;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.bedside.audit.AuditChain;
import io.bedside.audit.ChainVerification;
import io.bedside.practice.Practice;
import io.bedside.practice.Practices;
import io.bedside.shared.Command;

/**
 * The audit verifier as a command:
 * {@code java -jar bedside.jar --spring.main.web-application-type=none --bedside.audit.verify=all}
 * (or a practice's slug). Seals what is pending, checks every chain, prints the result and exits
 * 0 when every chain is intact, 1 otherwise (through {@code BedsideApplication}, which exits with the code).
 */
@Component
@Order(100)
@ConditionalOnProperty("bedside.audit.verify")
class AuditVerifyCommand implements Command {

    private final AuditChain chain;
    private final Practices practices;
    private final String which;
    private int exitCode = 1;

    AuditVerifyCommand(AuditChain chain, Practices practices, @Value("${bedside.audit.verify}") String which) {
        this.chain = chain;
        this.practices = practices;
        this.which = which;
    }

    @Override
    public void run(ApplicationArguments args) {
        chain.sealPending();
        List<Practice> chosen = practices.named(which);
        boolean intact = !chosen.isEmpty();
        if (chosen.isEmpty()) {
            System.out.println("No practice matches '" + which + "'.");
        }
        for (Practice practice : chosen) {
            ChainVerification result = chain.verify(practice.id());
            System.out.printf("%s: %s (%d rows, %d checkpoints)%n", practice.slug(),
                    result.intact() ? "intact" : "NOT INTACT", result.rowsChecked(), result.checkpointsChecked());
            result.problems().forEach(p -> System.out.println("  - " + p));
            intact &= result.intact();
        }
        exitCode = intact ? 0 : 1;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
