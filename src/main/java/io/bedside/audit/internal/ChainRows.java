package io.bedside.audit.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.shared.PracticeId;
import io.bedside.shared.Savepoints;
import io.bedside.shared.Timestamps;

/**
 * Each practice's hash chain: the sealing queue ({@code audit_pending}), the chained rows
 * ({@code audit_chain}), the chain head ({@code audit_chain_head}) and the signed checkpoints
 * ({@code audit_checkpoint}).
 */
@Repository
class ChainRows {

    /** The last chained row of a practice: its position and hash. */
    record Head(long lastSeq, String lastHash) {
    }

    /** A chained row, with its audit event; {@code event} is null when the event was removed. */
    record Chained(long seq, String previousHash, String hash, StoredAuditEvent event) {
    }

    /** A signed checkpoint of the chain at row {@code seq}. */
    record Checkpoint(long seq, String hash, String signature) {
    }

    private static final String HEAD = "select last_seq, last_hash from audit_chain_head where practice_id = :practice";

    private final JdbcClient jdbc;
    private final Savepoints savepoints;

    ChainRows(JdbcClient jdbc, Savepoints savepoints) {
        this.jdbc = jdbc;
        this.savepoints = savepoints;
    }

    List<PracticeId> practicesWithPending() {
        return jdbc.sql("select distinct practice_id from audit_pending").query(UUID.class).list().stream()
                .map(PracticeId::of).toList();
    }

    /** Audit rows written but not yet sealed, in every practice, and when the oldest was written (null: none). */
    record Unsealed(long rows, Instant oldest) {
    }

    /** For the sealer-lag gauge: the queue is short while the sealer keeps up (it runs every 500 ms). */
    Unsealed unsealed() {
        return jdbc.sql("""
                select count(*) as waiting, min(e.occurred_at) as oldest
                  from audit_pending p join audit_event e on e.id = p.event_id""")
                .query((rs, n) -> new Unsealed(rs.getLong("waiting"), Timestamps.fromDb(rs, "oldest"))).single();
    }

    /** The practice's oldest queued rows, at most {@code limit}. */
    List<StoredAuditEvent> pending(PracticeId practice, int limit) {
        return jdbc.sql("""
                select e.* from audit_pending p join audit_event e on e.id = p.event_id
                 where p.practice_id = :practice
                 order by e.occurred_at, e.id
                 limit %d""".formatted(limit))
                .param("practice", practice.value())
                .query(StoredAuditEvent::map)
                .list();
    }

    void append(PracticeId practice, long seq, UUID event, String previousHash, String hash) {
        jdbc.sql("""
                insert into audit_chain (practice_id, chain_seq, event_id, prev_hash, hash)
                values (:practice, :seq, :event, :prev, :hash)""")
                .param("practice", practice.value()).param("seq", seq).param("event", event)
                .param("prev", previousHash).param("hash", hash)
                .update();
    }

    void dequeue(List<UUID> events) {
        jdbc.sql("delete from audit_pending where event_id in (:ids)").param("ids", events).update();
    }

    /** The practice's chain head, locked until the transaction ends; created at the genesis hash if missing. */
    Head lockHead(PracticeId practice, String genesis, Instant now) {
        Optional<Head> head = head(practice, true);
        if (head.isPresent()) {
            return head.get();
        }
        // If another sealer creates it first, lock theirs.
        savepoints.insertUnlessPresent(() -> jdbc.sql("""
                insert into audit_chain_head (practice_id, last_seq, last_hash, updated_at)
                values (:practice, 0, :genesis, :now)""")
                .param("practice", practice.value()).param("genesis", genesis)
                .param("now", Timestamps.toDb(now))
                .update());
        return head(practice, true).orElseThrow();
    }

    Optional<Head> head(PracticeId practice) {
        return head(practice, false);
    }

    private Optional<Head> head(PracticeId practice, boolean forUpdate) {
        return jdbc.sql(forUpdate ? HEAD + " for update" : HEAD).param("practice", practice.value())
                .query((rs, n) -> new Head(rs.getLong("last_seq"), rs.getString("last_hash"))).optional();
    }

    void moveHead(PracticeId practice, long seq, String hash, Instant now) {
        jdbc.sql("update audit_chain_head set last_seq = :seq, last_hash = :hash, updated_at = :now where practice_id = :practice")
                .param("seq", seq).param("hash", hash).param("now", Timestamps.toDb(now))
                .param("practice", practice.value())
                .update();
    }

    Optional<Instant> lastCheckpointAt(PracticeId practice) {
        return jdbc.sql("select max(created_at) as last from audit_checkpoint where practice_id = :practice")
                .param("practice", practice.value())
                .query((rs, n) -> Optional.ofNullable(Timestamps.fromDb(rs, "last"))).single();
    }

    void insertCheckpoint(PracticeId practice, long seq, String hash, String signature, Instant now) {
        jdbc.sql("""
                insert into audit_checkpoint (practice_id, chain_seq, hash, signature, created_at)
                values (:practice, :seq, :hash, :signature, :now)""")
                .param("practice", practice.value()).param("seq", seq).param("hash", hash)
                .param("signature", signature).param("now", Timestamps.toDb(now))
                .update();
    }

    /** Every chained row of the practice in chain order, streamed (a chain may be long). */
    void eachChained(PracticeId practice, Consumer<Chained> each) {
        jdbc.sql("""
                select c.chain_seq, c.prev_hash, c.hash as chain_hash, c.event_id, e.*
                  from audit_chain c left join audit_event e on e.id = c.event_id
                 where c.practice_id = :practice
                 order by c.chain_seq""")
                .param("practice", practice.value())
                .query(rs -> {
                    each.accept(new Chained(rs.getLong("chain_seq"), rs.getString("prev_hash"),
                            rs.getString("chain_hash"),
                            rs.getObject("id") == null ? null : StoredAuditEvent.map(rs, rs.getRow())));
                });
    }

    /** Every checkpoint of the practice in chain order. */
    void eachCheckpoint(PracticeId practice, Consumer<Checkpoint> each) {
        jdbc.sql("select chain_seq, hash, signature from audit_checkpoint where practice_id = :practice order by chain_seq")
                .param("practice", practice.value())
                .query(rs -> {
                    each.accept(new Checkpoint(rs.getLong("chain_seq"), rs.getString("hash"), rs.getString("signature")));
                });
    }

    /** Events of the practice in neither the chain nor the sealing queue. */
    List<UUID> orphans(PracticeId practice) {
        return jdbc.sql("""
                select e.id from audit_event e
                 where e.practice_id = :practice
                   and not exists (select 1 from audit_chain c where c.event_id = e.id)
                   and not exists (select 1 from audit_pending p where p.event_id = e.id)""")
                .param("practice", practice.value()).query(UUID.class).list();
    }
}
