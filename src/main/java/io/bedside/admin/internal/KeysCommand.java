package io.bedside.admin.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.bedside.audit.AuditChain;
import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.crypto.KeyManagement;
import io.bedside.practice.Practice;
import io.bedside.practice.Practices;
import io.bedside.shared.Command;

/**
 * The operator's key commands (docs/operations.md, "Keys"), each audited with the system as actor:
 * <ul>
 * <li>{@code --bedside.keys.rotate=<slug>|all}: a new primary data key for the practice(s);</li>
 * <li>{@code --bedside.keys.reencrypt=true|<slug>|all}: every stored ciphertext of the practice(s)
 * made again under the primary key ({@code true}: the practices just rotated), resumable;</li>
 * <li>{@code --bedside.keys.rewrap=/path/new-master-keyset.json}: every practice keyset wrapped
 * again under a new master keyset, all or nothing.</li>
 * </ul>
 * Exit 0 when done; 2 for an unknown practice, a missing keyset file or a bad combination, with
 * nothing changed.
 */
@Component
@Order(100)
@ConditionalOnExpression("'${bedside.keys.rotate:}' != '' or '${bedside.keys.reencrypt:}' != '' or '${bedside.keys.rewrap:}' != ''")
class KeysCommand implements Command {

    private final KeyManagement keys;
    private final Practices practices;
    private final AuditTrail audit;
    private final AuditChain chain;
    private final TransactionTemplate transaction;
    private final Environment environment;
    private int exitCode = 1;

    KeysCommand(KeyManagement keys, Practices practices, AuditTrail audit, AuditChain chain,
            TransactionTemplate transaction, Environment environment) {
        this.keys = keys;
        this.practices = practices;
        this.audit = audit;
        this.chain = chain;
        this.transaction = transaction;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        String rotate = setting("rotate");
        String reencrypt = setting("reencrypt");
        String rewrap = setting("rewrap");
        if (!rewrap.isEmpty()) {
            if (!rotate.isEmpty() || !reencrypt.isEmpty()) {
                refuse("--bedside.keys.rewrap runs on its own: rotate or re-encrypt before or after it.");
                return;
            }
            rewrap(Path.of(rewrap).toAbsolutePath());
            return;
        }
        if (reencrypt.equals("true") && rotate.isEmpty()) {
            refuse("--bedside.keys.reencrypt=true re-encrypts the practices rotated with it: add --bedside.keys.rotate=<slug>|all,"
                    + " or name them: --bedside.keys.reencrypt=<slug>|all.");
            return;
        }
        List<Practice> toRotate = rotate.isEmpty() ? List.of() : practices(rotate);
        if (toRotate == null) {
            return;
        }
        List<Practice> toReencrypt = reencrypt.isEmpty() || reencrypt.equals("false") ? List.of()
                : reencrypt.equals("true") ? toRotate : practices(reencrypt);
        if (toReencrypt == null) {
            return;
        }
        for (Practice practice : toRotate) {
            int size = transaction.execute(tx -> {
                int n = keys.rotate(practice.id());
                audit.record(system(practice, "keys.rotated"));
                return n;
            });
            System.out.printf("%s: new data key %d (the keyset holds %d keys)%n", practice.slug(),
                    Integer.toUnsignedLong(keys.primaryKeyId(practice.id())), size);
        }
        int batch = environment.getProperty("bedside.keys.reencrypt-batch-size", Integer.class, 500);
        for (Practice practice : toReencrypt) {
            Map<String, Long> rewritten = keys.reencrypt(practice.id(), batch);
            transaction.executeWithoutResult(tx -> audit.record(system(practice, "keys.reencrypted")));
            System.out.printf("%s: re-encrypted under key %d: %s%n", practice.slug(),
                    Integer.toUnsignedLong(keys.primaryKeyId(practice.id())),
                    rewritten.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                            .collect(Collectors.joining(", ")));
        }
        chain.sealPending();
        exitCode = 0;
    }

    private void rewrap(Path newMaster) {
        if (!Files.isReadable(newMaster)) {
            refuse("There is no readable keyset at " + newMaster
                    + ": make one with --bedside.keys.generate=" + newMaster + " first.");
            return;
        }
        List<Practice> all = practices.all();
        int count = transaction.execute(tx -> {
            var done = keys.rewrap(newMaster);
            all.stream().filter(p -> done.contains(p.id())).forEach(p -> audit.record(system(p, "keys.rewrapped")));
            return done.size();
        });
        System.out.println("Re-wrapped " + count + " practice keyset(s) under " + newMaster + ".");
        System.out.println("Start every node with BEDSIDE_MASTER_KEYSET=" + newMaster
                + "; keep the old keyset as long as any backup made before now.");
        chain.sealPending();
        exitCode = 0;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    /** The practices named (a slug or {@code all}), or null after saying that none has that slug. */
    private List<Practice> practices(String which) {
        if (which.equals("all")) {
            return practices.all();
        }
        return practices.findBySlug(which).map(List::of).orElseGet(() -> {
            refuse("No practice has the slug '" + which + "'. Nothing was changed.");
            return null;
        });
    }

    private static AuditRecord system(Practice practice, String action) {
        return new AuditRecord(practice.id(), null, null, action, "practice", practice.id().toString(), true);
    }

    private String setting(String name) {
        String value = environment.getProperty("bedside.keys." + name);
        return value == null ? "" : value.strip();
    }

    private void refuse(String message) {
        System.err.println(message);
        exitCode = BAD_INPUT;
    }
}
