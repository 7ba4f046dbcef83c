package io.bedside.audit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.bedside.audit.AuditChain;
import io.bedside.audit.ChainVerification;
import io.bedside.crypto.AssociatedData;
import io.bedside.crypto.DecryptionFailedException;
import io.bedside.crypto.PracticeEncryption;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Savepoints;
import io.bedside.shared.Timestamps;

/**
 * Seals committed audit rows into each practice's hash chain, one practice at a time under a lock
 * on that practice's chain head (so any number of nodes may run it), and verifies chains.
 */
@Service
class JdbcAuditChain implements AuditChain {

    private static final Logger log = LoggerFactory.getLogger(JdbcAuditChain.class);
    private static final int BATCH = 1000;

    private record Head(long lastSeq, String lastHash) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PracticeEncryption encryption;
    private final TransactionTemplate transaction;
    private final Savepoints savepoints;
    private final Duration checkpointInterval;

    JdbcAuditChain(JdbcClient jdbc, Clock clock, PracticeEncryption encryption, PlatformTransactionManager transactions,
            Savepoints savepoints, @Value("${bedside.audit.checkpoint-interval:1m}") Duration checkpointInterval) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.encryption = encryption;
        this.transaction = new TransactionTemplate(transactions);
        this.savepoints = savepoints;
        this.checkpointInterval = checkpointInterval;
    }

    @Scheduled(fixedDelayString = "${bedside.audit.seal-interval:500ms}", initialDelayString = "1s")
    void scheduledSeal() {
        try {
            sealPending();
        } catch (RuntimeException e) {
            log.error("Sealing the audit chain failed; will retry: {}", e.getClass().getName(), e);
        }
    }

    @Override
    public int sealPending() {
        List<UUID> practices = jdbc.sql("select distinct practice_id from audit_pending").query(UUID.class).list();
        int sealed = 0;
        for (UUID practice : practices) {
            int batch;
            do {
                batch = transaction.execute(status -> sealBatch(PracticeId.of(practice)));
                sealed += batch;
            } while (batch == BATCH);
        }
        return sealed;
    }

    private int sealBatch(PracticeId practice) {
        Head head = lockHead(practice);
        List<StoredAuditEvent> pending = jdbc.sql("""
                select e.* from audit_pending p join audit_event e on e.id = p.event_id
                 where p.practice_id = :practice
                 order by e.occurred_at, e.id
                 limit %d""".formatted(BATCH))
                .param("practice", practice.value())
                .query(StoredAuditEvent::map)
                .list();
        if (pending.isEmpty()) {
            return 0;
        }
        long seq = head.lastSeq();
        String hash = head.lastHash();
        for (StoredAuditEvent event : pending) {
            seq++;
            String next = ChainHashing.hash(hash, seq, event);
            jdbc.sql("""
                    insert into audit_chain (practice_id, chain_seq, event_id, prev_hash, hash)
                    values (:practice, :seq, :event, :prev, :hash)""")
                    .param("practice", practice.value()).param("seq", seq).param("event", event.id())
                    .param("prev", hash).param("hash", next)
                    .update();
            hash = next;
        }
        jdbc.sql("delete from audit_pending where event_id in (:ids)")
                .param("ids", pending.stream().map(StoredAuditEvent::id).toList())
                .update();
        Instant now = Timestamps.now(clock);
        jdbc.sql("update audit_chain_head set last_seq = :seq, last_hash = :hash, updated_at = :now where practice_id = :practice")
                .param("seq", seq).param("hash", hash).param("now", Timestamps.toDb(now))
                .param("practice", practice.value())
                .update();
        checkpointIfDue(practice, seq, hash, now);
        return pending.size();
    }

    private Head lockHead(PracticeId practice) {
        String select = "select last_seq, last_hash from audit_chain_head where practice_id = :practice for update";
        var head = jdbc.sql(select).param("practice", practice.value())
                .query((rs, n) -> new Head(rs.getLong("last_seq"), rs.getString("last_hash"))).optional();
        if (head.isPresent()) {
            return head.get();
        }
        // If another sealer creates it first, lock theirs.
        savepoints.insertUnlessPresent(() -> jdbc.sql("""
                insert into audit_chain_head (practice_id, last_seq, last_hash, updated_at)
                values (:practice, 0, :genesis, :now)""")
                .param("practice", practice.value()).param("genesis", ChainHashing.GENESIS)
                .param("now", Timestamps.toDb(Timestamps.now(clock)))
                .update());
        return jdbc.sql(select).param("practice", practice.value())
                .query((rs, n) -> new Head(rs.getLong("last_seq"), rs.getString("last_hash"))).single();
    }

    private void checkpointIfDue(PracticeId practice, long seq, String hash, Instant now) {
        Instant last = jdbc.sql("select max(created_at) as last from audit_checkpoint where practice_id = :practice")
                .param("practice", practice.value())
                .query((rs, n) -> java.util.Optional.ofNullable(Timestamps.fromDb(rs, "last"))).single()
                .orElse(null);
        if (last != null && last.plus(checkpointInterval).isAfter(now)) {
            return;
        }
        jdbc.sql("""
                insert into audit_checkpoint (practice_id, chain_seq, hash, signature, created_at)
                values (:practice, :seq, :hash, :signature, :now)""")
                .param("practice", practice.value()).param("seq", seq).param("hash", hash)
                .param("signature", sign(practice, seq, hash)).param("now", Timestamps.toDb(now))
                .update();
    }

    /** An AES-GCM tag over the checkpoint under the practice's key: only Bedside's keys can make one. */
    private String sign(PracticeId practice, long seq, String hash) {
        return Base64.getEncoder().encodeToString(encryption.encrypt(practice, new byte[0], checkpointContext(seq, hash)));
    }

    private boolean signatureHolds(PracticeId practice, long seq, String hash, String signature) {
        try {
            encryption.decrypt(practice, Base64.getDecoder().decode(signature), checkpointContext(seq, hash));
            return true;
        } catch (DecryptionFailedException | IllegalArgumentException e) {
            return false;
        }
    }

    private static AssociatedData checkpointContext(long seq, String hash) {
        return AssociatedData.of("audit.checkpoint", seq, hash);
    }

    @Override
    public ChainVerification verify(PracticeId practice) {
        List<String> problems = new ArrayList<>();
        Map<Long, String> hashes = new HashMap<>();
        long[] state = {1, 0};  // expected next seq, rows checked
        String[] previous = {ChainHashing.GENESIS};
        jdbc.sql("""
                select c.chain_seq, c.prev_hash, c.hash as chain_hash, c.event_id, e.*
                  from audit_chain c left join audit_event e on e.id = c.event_id
                 where c.practice_id = :practice
                 order by c.chain_seq""")
                .param("practice", practice.value())
                .query(rs -> {
                    long seq = rs.getLong("chain_seq");
                    String prev = rs.getString("prev_hash");
                    String stored = rs.getString("chain_hash");
                    if (seq != state[0]) {
                        problems.add("rows " + state[0] + " to " + (seq - 1) + " are missing from the chain");
                    }
                    if (!prev.equals(previous[0])) {
                        problems.add("row " + seq + " does not follow the row before it (rows removed or reordered)");
                    }
                    if (rs.getObject("id") == null) {
                        problems.add("row " + seq + ": its audit event was removed");
                    } else if (!ChainHashing.hash(prev, seq, StoredAuditEvent.map(rs, rs.getRow())).equals(stored)) {
                        problems.add("row " + seq + " was changed after it was sealed");
                    }
                    hashes.put(seq, stored);
                    previous[0] = stored;
                    state[0] = seq + 1;
                    state[1]++;
                });
        long lastSeq = state[0] - 1;
        jdbc.sql("select last_seq, last_hash from audit_chain_head where practice_id = :practice")
                .param("practice", practice.value())
                .query((rs, n) -> new Head(rs.getLong("last_seq"), rs.getString("last_hash")))
                .optional()
                .ifPresent(head -> {
                    if (head.lastSeq() != lastSeq || !head.lastHash().equals(previous[0])) {
                        problems.add("the chain head (row " + head.lastSeq() + ") does not match the last row ("
                                + lastSeq + "): rows were removed from the end or the chain was rewritten");
                    }
                });
        long[] checkpoints = {0};
        jdbc.sql("select chain_seq, hash, signature from audit_checkpoint where practice_id = :practice order by chain_seq")
                .param("practice", practice.value())
                .query(rs -> {
                    long seq = rs.getLong("chain_seq");
                    String hash = rs.getString("hash");
                    checkpoints[0]++;
                    if (!signatureHolds(practice, seq, hash, rs.getString("signature"))) {
                        problems.add("the checkpoint at row " + seq + " is not authentic");
                    } else if (!hash.equals(hashes.get(seq))) {
                        problems.add("row " + seq + " differs from its signed checkpoint: the chain was rewritten");
                    }
                });
        List<UUID> orphans = jdbc.sql("""
                select e.id from audit_event e
                 where e.practice_id = :practice
                   and not exists (select 1 from audit_chain c where c.event_id = e.id)
                   and not exists (select 1 from audit_pending p where p.event_id = e.id)""")
                .param("practice", practice.value()).query(UUID.class).list();
        orphans.forEach(id -> problems.add("audit event " + id + " is in neither the chain nor the sealing queue"));
        return new ChainVerification(practice, state[1], checkpoints[0], problems);
    }
}
