package io.bedside.crypto.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.google.crypto.tink.Aead;

import io.bedside.crypto.AssociatedData;
import io.bedside.crypto.EncryptedColumn;
import io.bedside.crypto.KeyManagement;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;

/**
 * Rotation, re-encryption and re-wrapping. The re-encryption pass walks every
 * {@link EncryptedColumn} the modules declare, by primary key, a batch per transaction; each row
 * is updated only if its ciphertext is still the one read, so a row rewritten meanwhile by a node
 * is left alone.
 */
@Service
class TinkKeyManagement implements KeyManagement {

    private final TinkPracticeEncryption encryption;
    private final MasterKey masterKey;
    private final List<EncryptedColumn> columns;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    TinkKeyManagement(TinkPracticeEncryption encryption, MasterKey masterKey, List<EncryptedColumn> columns,
            JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
        this.encryption = encryption;
        this.masterKey = masterKey;
        this.columns = columns;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void createKeyset(PracticeId practice) {
        encryption.ensureKeyset(practice);
    }

    @Override
    public int rotate(PracticeId practice) {
        return encryption.rotate(practice);
    }

    @Override
    public int primaryKeyId(PracticeId practice) {
        return encryption.primaryKeyId(practice);
    }

    @Override
    public Map<String, Long> reencrypt(PracticeId practice, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        Map<String, Long> rewritten = new LinkedHashMap<>();
        for (EncryptedColumn column : columns) {
            long count = 0;
            List<Object> after = null;
            while (true) {
                Batch batch = nextBatch(practice, column, after, batchSize);
                if (batch.keys().isEmpty()) {
                    break;
                }
                count += batch.rewritten();
                after = batch.keys().get(batch.keys().size() - 1);
                if (batch.keys().size() < batchSize) {
                    break;
                }
            }
            rewritten.merge(column.toString(), count, Long::sum);
        }
        return rewritten;
    }

    private record Batch(List<List<Object>> keys, long rewritten) {
    }

    private Batch nextBatch(PracticeId practice, EncryptedColumn c, List<Object> after, int limit) {
        return transaction.execute(tx -> {
            String keys = String.join(", ", c.keyColumns());
            String context = c.contextColumns().isEmpty() ? "" : ", " + String.join(", ", c.contextColumns());
            String placeholders = c.keyColumns().stream().map(k -> ":after_" + k).collect(Collectors.joining(", "));
            var spec = jdbc.sql("select " + keys + context + ", " + c.column() + " from " + c.table()
                    + " where practice_id = :practice and " + c.column() + " is not null"
                    + (after == null ? "" : " and (" + keys + ") > (" + placeholders + ")")
                    + " order by " + keys + " limit :limit")
                    .param("practice", practice.value())
                    .param("limit", limit);
            if (after != null) {
                for (int i = 0; i < c.keyColumns().size(); i++) {
                    spec = spec.param("after_" + c.keyColumns().get(i), after.get(i));
                }
            }
            record Row(List<Object> key, List<Object> context, byte[] ciphertext) {
            }
            List<Row> rows = spec.query((rs, n) -> {
                List<Object> key = new ArrayList<>();
                for (String k : c.keyColumns()) {
                    key.add(rs.getObject(k));
                }
                List<Object> ad = new ArrayList<>();
                for (String k : c.contextColumns()) {
                    ad.add(rs.getObject(k));
                }
                return new Row(key, ad, rs.getBytes(c.column()));
            }).list();
            long rewritten = 0;
            for (Row row : rows) {
                AssociatedData ad = new AssociatedData(c.purpose(), row.context().stream().map(String::valueOf).toList());
                var fresh = encryption.reencrypt(practice, row.ciphertext(), ad);
                if (fresh.isEmpty()) {
                    continue;
                }
                String where = c.keyColumns().stream().map(k -> k + " = :key_" + k).collect(Collectors.joining(" and "));
                var update = jdbc.sql("update " + c.table() + " set " + c.column() + " = :fresh where " + where
                        + " and practice_id = :practice and " + c.column() + " = :old")
                        .param("fresh", fresh.get())
                        .param("old", row.ciphertext())
                        .param("practice", practice.value());
                for (int i = 0; i < c.keyColumns().size(); i++) {
                    update = update.param("key_" + c.keyColumns().get(i), row.key().get(i));
                }
                rewritten += update.update();
            }
            return new Batch(rows.stream().map(Row::key).toList(), rewritten);
        });
    }

    @Override
    public List<PracticeId> rewrap(Path newMasterKeyset) {
        Aead next;
        try {
            next = MasterKey.read(newMasterKeyset);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + newMasterKeyset, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Not a usable Tink AEAD keyset: " + newMasterKeyset, e);
        }
        List<PracticeId> done = transaction.execute(tx -> {
            List<PracticeId> practices = new ArrayList<>();
            var rows = jdbc.sql("select practice_id, wrapped_keyset from crypto_practice_keyset order by practice_id for update")
                    .query((rs, n) -> Map.entry(PracticeId.of(rs.getObject("practice_id", UUID.class)),
                            rs.getString("wrapped_keyset")))
                    .list();
            for (var row : rows) {
                String rewrapped;
                try {
                    rewrapped = encryption.rewrap(row.getKey(), row.getValue(), next);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("The keyset of practice " + row.getKey()
                            + " does not unwrap under the current master key; nothing was changed", e);
                }
                jdbc.sql("""
                        update crypto_practice_keyset set wrapped_keyset = :keyset, version = version + 1, updated_at = :now
                         where practice_id = :practice""")
                        .param("keyset", rewrapped)
                        .param("now", Timestamps.toDb(clock.instant()))
                        .param("practice", row.getKey().value())
                        .update();
                practices.add(row.getKey());
            }
            return practices;
        });
        // Inside a caller's transaction (the command records the audit rows in it), the switch waits for its commit.
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    useMaster(next);
                }
            });
        } else {
            useMaster(next);
        }
        return done;
    }

    private void useMaster(Aead next) {
        masterKey.replace(next);
        encryption.forgetLoaded();
    }
}
