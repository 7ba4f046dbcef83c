package io.bedside.crypto.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Optional;

import org.springframework.stereotype.Service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

import io.bedside.crypto.AssociatedData;
import io.bedside.crypto.DecryptionFailedException;
import io.bedside.crypto.PracticeEncryption;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Savepoints;

/**
 * Envelope encryption with Tink: each practice has its own AES-256-GCM keyset, stored wrapped by
 * the master key with the practice id as associated data (so a wrapped keyset moved to another
 * practice does not unwrap either).
 */
@Service
class TinkPracticeEncryption implements PracticeEncryption {

    private record Loaded(Aead aead, KeysetHandle handle, int version) {
    }

    private final MasterKey masterKey;
    private final PracticeKeysetRows keysets;
    // Another node may rotate a keyset: entries expire, and a failed decrypt reloads once.
    private final Cache<PracticeId, Loaded> cache = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(5))
            .build();

    private final Savepoints savepoints;

    TinkPracticeEncryption(MasterKey masterKey, PracticeKeysetRows keysets, Savepoints savepoints) {
        this.masterKey = masterKey;
        this.keysets = keysets;
        this.savepoints = savepoints;
    }

    @Override
    public byte[] encrypt(PracticeId practice, byte[] plaintext, AssociatedData context) {
        try {
            return loaded(practice).aead().encrypt(plaintext, context.encodeFor(practice.toString()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed for practice " + practice, e);
        }
    }

    @Override
    public byte[] decrypt(PracticeId practice, byte[] ciphertext, AssociatedData context) {
        byte[] ad = context.encodeFor(practice.toString());
        try {
            return loaded(practice).aead().decrypt(ciphertext, ad);
        } catch (GeneralSecurityException first) {
            cache.invalidate(practice);
            try {
                return loaded(practice).aead().decrypt(ciphertext, ad);
            } catch (GeneralSecurityException e) {
                throw new DecryptionFailedException(
                        "Ciphertext does not decrypt for practice " + practice + " as " + context.purpose(), e);
            }
        }
    }

    @Override
    public int rotate(PracticeId practice) {
        for (int attempt = 0; attempt < 5; attempt++) {
            cache.invalidate(practice);
            Loaded current = loaded(practice);
            try {
                KeysetHandle rotated = KeysetHandle.newBuilder(current.handle())
                        .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                                .withRandomId()
                                .makePrimary())
                        .build();
                if (keysets.replace(practice, wrap(practice, rotated), current.version())) {
                    cache.invalidate(practice);
                    return rotated.size();
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Key rotation failed for practice " + practice, e);
            }
        }
        throw new IllegalStateException("Key rotation for practice " + practice + " kept racing another rotation");
    }

    /**
     * The ciphertext made again under the practice's primary key, or empty when it is under it
     * already (Tink prefixes every ciphertext with the id of its key).
     *
     * @throws DecryptionFailedException when it does not decrypt with this context
     */
    Optional<byte[]> reencrypt(PracticeId practice, byte[] ciphertext, AssociatedData context) {
        if (keyIdOf(ciphertext) == primaryKeyId(practice)) {
            return Optional.empty();
        }
        byte[] plaintext = decrypt(practice, ciphertext, context);
        return Optional.of(encrypt(practice, plaintext, context));
    }

    /** The id of the key new ciphertexts of the practice are made with. */
    int primaryKeyId(PracticeId practice) {
        return loaded(practice).handle().getPrimary().getId();
    }

    /** Creates the practice's keyset now unless it has one (otherwise it is made at its first use). */
    void ensureKeyset(PracticeId practice) {
        loaded(practice);
    }

    /** Forgets every loaded keyset (after the master key changed). */
    void forgetLoaded() {
        cache.invalidateAll();
    }

    /** The key id in a Tink ciphertext's prefix (a version byte, then four bytes of key id). */
    static int keyIdOf(byte[] ciphertext) {
        return ciphertext.length < 5 ? 0 : ByteBuffer.wrap(ciphertext, 1, 4).getInt();
    }

    /** Wraps a practice's keyset again under another master key, for the re-wrap command. */
    String rewrap(PracticeId practice, String wrappedKeyset, Aead newMaster) throws GeneralSecurityException {
        KeysetHandle handle = TinkJsonProtoKeysetFormat.parseEncryptedKeyset(wrappedKeyset, masterKey.aead(),
                wrappingContext(practice));
        String rewrapped = TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(handle, newMaster, wrappingContext(practice));
        // Proof before anything is stored: it unwraps under the new master to the same keys.
        KeysetHandle check = TinkJsonProtoKeysetFormat.parseEncryptedKeyset(rewrapped, newMaster, wrappingContext(practice));
        if (check.size() != handle.size() || check.getPrimary().getId() != handle.getPrimary().getId()) {
            throw new GeneralSecurityException("The re-wrapped keyset of practice " + practice + " differs");
        }
        return rewrapped;
    }

    private Loaded loaded(PracticeId practice) {
        return cache.get(practice, this::load);
    }

    private Loaded load(PracticeId practice) {
        var stored = keysets.find(practice);
        if (stored.isEmpty()) {
            createKeyset(practice);
            stored = keysets.find(practice);
        }
        var row = stored.orElseThrow();
        try {
            KeysetHandle handle = TinkJsonProtoKeysetFormat.parseEncryptedKeyset(
                    row.wrappedKeyset(), masterKey.aead(), wrappingContext(practice));
            return new Loaded(handle.getPrimitive(RegistryConfiguration.get(), Aead.class), handle, row.version());
        } catch (GeneralSecurityException e) {
            throw new DecryptionFailedException("The keyset of practice " + practice + " does not unwrap", e);
        }
    }

    /**
     * Creates the practice's first keyset inside a savepoint, so that losing the race to another
     * node (a primary-key violation) leaves the caller's transaction usable, and so that a practice
     * created earlier in the same transaction is visible.
     */
    private void createKeyset(PracticeId practice) {
        try {
            String wrapped = wrap(practice, KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM));
            // Losing the race to another node is fine: theirs is the one everybody uses.
            savepoints.insertUnlessPresent(() -> keysets.insert(practice, wrapped));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create a keyset for practice " + practice, e);
        }
    }

    private String wrap(PracticeId practice, KeysetHandle handle) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(handle, masterKey.aead(), wrappingContext(practice));
    }

    private static byte[] wrappingContext(PracticeId practice) {
        return ("bedside/v1/practice-keyset/" + practice).getBytes(StandardCharsets.UTF_8);
    }
}
