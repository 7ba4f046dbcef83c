package io.bedside.crypto.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.google.crypto.tink.Aead;

import io.bedside.crypto.AssociatedData;
import io.bedside.crypto.EncryptedColumn;
import io.bedside.crypto.KeyManagement;
import io.bedside.crypto.internal.EncryptedColumnRows.Ciphertext;
import io.bedside.shared.PracticeId;

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
    private final EncryptedColumnRows columnRows;
    private final PracticeKeysetRows keysets;
    private final TransactionTemplate transaction;
    private final TinkBlindIndex blindIndex;
    private final SearchKeyRows searchKeys;

    TinkKeyManagement(TinkPracticeEncryption encryption, MasterKey masterKey, List<EncryptedColumn> columns,
            EncryptedColumnRows columnRows, PracticeKeysetRows keysets, TransactionTemplate transaction,
            TinkBlindIndex blindIndex, SearchKeyRows searchKeys) {
        this.blindIndex = blindIndex;
        this.searchKeys = searchKeys;
        this.encryption = encryption;
        this.masterKey = masterKey;
        this.columns = columns;
        this.columnRows = columnRows;
        this.keysets = keysets;
        this.transaction = transaction;
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
            List<Ciphertext> rows = columnRows.next(practice, c, after, limit);
            long rewritten = 0;
            for (Ciphertext row : rows) {
                AssociatedData ad = new AssociatedData(c.purpose(), row.context().stream().map(String::valueOf).toList());
                var fresh = encryption.reencrypt(practice, row.ciphertext(), ad);
                if (fresh.isPresent()) {
                    rewritten += columnRows.replace(practice, c, row, fresh.get());
                }
            }
            return new Batch(rows.stream().map(Ciphertext::key).toList(), rewritten);
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
            for (var row : keysets.lockAll()) {
                String rewrapped;
                try {
                    rewrapped = encryption.rewrap(row.getKey(), row.getValue(), next);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("The keyset of practice " + row.getKey()
                            + " does not unwrap under the current master key; nothing was changed", e);
                }
                keysets.overwrite(row.getKey(), rewrapped);
                practices.add(row.getKey());
            }
            // The search keys are wrapped by the same master key: they move with the data keysets.
            for (var key : searchKeys.lockAll()) {
                try {
                    searchKeys.overwrite(key, blindIndex.rewrap(key, next));
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("A search key of practice " + key.practice()
                            + " does not unwrap under the current master key; nothing was changed", e);
                }
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
        blindIndex.forgetLoaded();
    }
}
