package io.bedside.crypto.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.bedside.crypto.BlindIndex;
import io.bedside.crypto.DecryptionFailedException;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Savepoints;

/**
 * The blind index's keys: one Tink HMAC-SHA-256 PRF keyset per practice and version, wrapped by
 * the master key with the practice and the version as associated data.
 */
@Service
class TinkBlindIndex implements BlindIndex {

    private record Key(int version, PrfSet prf) {
    }

    private final MasterKey masterKey;
    private final SearchKeyRows rows;
    private final Savepoints savepoints;
    private final Cache<PracticeId, List<Key>> cache = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(KEY_CACHE_TIME)
            .build();

    TinkBlindIndex(MasterKey masterKey, SearchKeyRows rows, Savepoints savepoints) throws GeneralSecurityException {
        PrfConfig.register();
        this.masterKey = masterKey;
        this.rows = rows;
        this.savepoints = savepoints;
    }

    @Override
    public long token(PracticeId practice, String term) {
        return token(keys(practice).get(0), term);
    }

    @Override
    public long[] tokensForSearch(PracticeId practice, String term) {
        List<Key> keys = keys(practice);
        long[] tokens = new long[keys.size()];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = token(keys.get(i), term);
        }
        return tokens;
    }

    @Override
    public int rotate(PracticeId practice) {
        for (int attempt = 0; attempt < 5; attempt++) {
            int next = currentVersion(practice) + 1;
            String wrapped = newKey(practice, next);
            if (savepoints.insertUnlessPresent(() -> rows.insert(practice, next, wrapped))) {
                cache.invalidate(practice);
                return next;
            }
            cache.invalidate(practice);
        }
        throw new IllegalStateException("Search key rotation for practice " + practice + " kept racing another");
    }

    @Override
    public int currentVersion(PracticeId practice) {
        return keys(practice).get(0).version();
    }

    @Override
    public int retireBefore(PracticeId practice, int version) {
        int removed = rows.deleteBefore(practice, version);
        cache.invalidate(practice);
        return removed;
    }

    /** Forgets every loaded key (after the master key changed). */
    void forgetLoaded() {
        cache.invalidateAll();
    }

    /** Wraps a search key again under another master key, for the re-wrap command. */
    String rewrap(SearchKeyRows.Stored key, com.google.crypto.tink.Aead newMaster) throws GeneralSecurityException {
        byte[] context = wrappingContext(key.practice(), key.version());
        KeysetHandle handle = TinkJsonProtoKeysetFormat.parseEncryptedKeyset(key.wrappedKeyset(), masterKey.aead(),
                context);
        String rewrapped = TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(handle, newMaster, context);
        TinkJsonProtoKeysetFormat.parseEncryptedKeyset(rewrapped, newMaster, context);
        return rewrapped;
    }

    private static long token(Key key, String term) {
        try {
            return ByteBuffer.wrap(key.prf().computePrimary(term.getBytes(StandardCharsets.UTF_8), 8)).getLong();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The search key cannot compute a token", e);
        }
    }

    private List<Key> keys(PracticeId practice) {
        List<Key> cached = cache.getIfPresent(practice);
        if (cached != null) {
            return cached;
        }
        boolean created = rows.of(practice).isEmpty() && create(practice);
        List<Key> loaded = load(practice);
        if (created && TransactionSynchronizationManager.isSynchronizationActive()) {
            // A key made in this transaction exists only if it commits: a send that rolls back must
            // not leave this node indexing under a key nobody else has.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.put(practice, loaded);
                }
            });
        } else {
            cache.put(practice, loaded);
        }
        return loaded;
    }

    /** The practice's first search key; false when another node or thread made it first (theirs is used). */
    private boolean create(PracticeId practice) {
        String wrapped = newKey(practice, 1);
        return savepoints.insertUnlessPresent(() -> rows.insert(practice, 1, wrapped));
    }

    private List<Key> load(PracticeId practice) {
        List<SearchKeyRows.Stored> stored = rows.of(practice);
        List<Key> keys = new ArrayList<>();
        for (SearchKeyRows.Stored row : stored) {
            try {
                KeysetHandle handle = TinkJsonProtoKeysetFormat.parseEncryptedKeyset(row.wrappedKeyset(),
                        masterKey.aead(), wrappingContext(practice, row.version()));
                keys.add(new Key(row.version(), handle.getPrimitive(RegistryConfiguration.get(), PrfSet.class)));
            } catch (GeneralSecurityException e) {
                throw new DecryptionFailedException("A search key of practice " + practice + " does not unwrap", e);
            }
        }
        return List.copyOf(keys);
    }

    private String newKey(PracticeId practice, int version) {
        try {
            return TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(
                    KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF), masterKey.aead(),
                    wrappingContext(practice, version));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create a search key for practice " + practice, e);
        }
    }

    private static byte[] wrappingContext(PracticeId practice, int version) {
        return ("bedside/v1/practice-search-key/" + practice + "/" + version).getBytes(StandardCharsets.UTF_8);
    }
}
