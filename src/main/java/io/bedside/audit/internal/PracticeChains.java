package io.bedside.audit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.bedside.audit.AuditChain;
import io.bedside.audit.ChainVerification;
import io.bedside.audit.internal.ChainRows.Head;
import io.bedside.crypto.AssociatedData;
import io.bedside.crypto.DecryptionFailedException;
import io.bedside.crypto.PracticeEncryption;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;

/**
 * Seals committed audit rows into each practice's hash chain, one practice at a time under a lock
 * on that practice's chain head (so any number of nodes may run it), and verifies chains.
 */
@Service
class PracticeChains implements AuditChain {

    private static final Logger log = LoggerFactory.getLogger(PracticeChains.class);
    private static final int BATCH = 1000;

    private final ChainRows rows;
    private final Clock clock;
    private final PracticeEncryption encryption;
    private final TransactionTemplate transaction;
    private final Duration checkpointInterval;

    PracticeChains(ChainRows rows, Clock clock, PracticeEncryption encryption, PlatformTransactionManager transactions,
            @Value("${bedside.audit.checkpoint-interval:1m}") Duration checkpointInterval) {
        this.rows = rows;
        this.clock = clock;
        this.encryption = encryption;
        // One transaction per batch (not one for the whole run): a practice's head lock is held
        // only while its batch is chained, and what is sealed stays sealed if a later batch fails.
        this.transaction = new TransactionTemplate(transactions);
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
        int sealed = 0;
        for (PracticeId practice : rows.practicesWithPending()) {
            int batch;
            do {
                batch = transaction.execute(status -> sealBatch(practice));
                sealed += batch;
            } while (batch == BATCH);
        }
        return sealed;
    }

    private int sealBatch(PracticeId practice) {
        Head head = rows.lockHead(practice, ChainHashing.GENESIS, Timestamps.now(clock));
        List<StoredAuditEvent> pending = rows.pending(practice, BATCH);
        if (pending.isEmpty()) {
            return 0;
        }
        long seq = head.lastSeq();
        String hash = head.lastHash();
        for (StoredAuditEvent event : pending) {
            seq++;
            String next = ChainHashing.hash(hash, seq, event);
            rows.append(practice, seq, event.id(), hash, next);
            hash = next;
        }
        rows.dequeue(pending.stream().map(StoredAuditEvent::id).toList());
        Instant now = Timestamps.now(clock);
        rows.moveHead(practice, seq, hash, now);
        checkpointIfDue(practice, seq, hash, now);
        return pending.size();
    }

    private void checkpointIfDue(PracticeId practice, long seq, String hash, Instant now) {
        Instant last = rows.lastCheckpointAt(practice).orElse(null);
        if (last != null && last.plus(checkpointInterval).isAfter(now)) {
            return;
        }
        rows.insertCheckpoint(practice, seq, hash, sign(practice, seq, hash), now);
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
        rows.eachChained(practice, row -> {
            long seq = row.seq();
            String prev = row.previousHash();
            String stored = row.hash();
            if (seq != state[0]) {
                problems.add("rows " + state[0] + " to " + (seq - 1) + " are missing from the chain");
            }
            if (!prev.equals(previous[0])) {
                problems.add("row " + seq + " does not follow the row before it (rows removed or reordered)");
            }
            if (row.event() == null) {
                problems.add("row " + seq + ": its audit event was removed");
            } else if (!ChainHashing.hash(prev, seq, row.event()).equals(stored)) {
                problems.add("row " + seq + " was changed after it was sealed");
            }
            hashes.put(seq, stored);
            previous[0] = stored;
            state[0] = seq + 1;
            state[1]++;
        });
        long lastSeq = state[0] - 1;
        rows.head(practice).ifPresent(head -> {
            if (head.lastSeq() != lastSeq || !head.lastHash().equals(previous[0])) {
                problems.add("the chain head (row " + head.lastSeq() + ") does not match the last row ("
                        + lastSeq + "): rows were removed from the end or the chain was rewritten");
            }
        });
        long[] checkpoints = {0};
        rows.eachCheckpoint(practice, checkpoint -> {
            checkpoints[0]++;
            if (!signatureHolds(practice, checkpoint.seq(), checkpoint.hash(), checkpoint.signature())) {
                problems.add("the checkpoint at row " + checkpoint.seq() + " is not authentic");
            } else if (!checkpoint.hash().equals(hashes.get(checkpoint.seq()))) {
                problems.add("row " + checkpoint.seq() + " differs from its signed checkpoint: the chain was rewritten");
            }
        });
        rows.orphans(practice).forEach(id -> problems.add("audit event " + id
                + " is in neither the chain nor the sealing queue"));
        return new ChainVerification(practice, state[1], checkpoints[0], problems);
    }
}
