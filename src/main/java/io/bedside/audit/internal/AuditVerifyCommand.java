package io.bedside.audit.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.bedside.audit.AuditChain;
import io.bedside.audit.ChainVerification;
import io.bedside.shared.PracticeId;

/**
 * The audit verifier as a command:
 * {@code java -jar bedside.jar --spring.main.web-application-type=none --bedside.audit.verify=all}
 * (or a practice's slug). Seals what is pending, checks every chain, prints the result and exits
 * 0 when every chain is intact, 1 otherwise (through {@code BedsideApplication}, which exits with the code).
 */
@Component
@Order(100)
@ConditionalOnProperty("bedside.audit.verify")
class AuditVerifyCommand implements io.bedside.shared.Command {

    private final AuditChain chain;
    private final JdbcClient jdbc;
    private final String which;
    private int exitCode = 1;

    AuditVerifyCommand(AuditChain chain, JdbcClient jdbc,
            @org.springframework.beans.factory.annotation.Value("${bedside.audit.verify}") String which) {
        this.chain = chain;
        this.jdbc = jdbc;
        this.which = which;
    }

    @Override
    public void run(ApplicationArguments args) {
        chain.sealPending();
        List<Object[]> practices = jdbc.sql("select id, slug from practice where :all or slug = :slug order by slug")
                .param("all", "all".equals(which))
                .param("slug", which)
                .query((rs, n) -> new Object[] {rs.getObject("id", UUID.class), rs.getString("slug")})
                .list();
        boolean intact = !practices.isEmpty();
        if (practices.isEmpty()) {
            System.out.println("No practice matches '" + which + "'.");
        }
        for (Object[] practice : practices) {
            ChainVerification result = chain.verify(PracticeId.of((UUID) practice[0]));
            System.out.printf("%s: %s (%d rows, %d checkpoints)%n", practice[1],
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
