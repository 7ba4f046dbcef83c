package io.bedside.crypto.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;

import io.bedside.crypto.CryptoProperties;
import io.bedside.crypto.MasterKeysetMissingException;
import io.bedside.crypto.MasterKeysets;

/**
 * The master key: an AEAD that only ever wraps practice keysets. Loaded from a Tink keyset file;
 * in demo mode a missing file is generated, with a loud warning that it is for demo use only.
 */
@Component
class MasterKey {

    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

    // Replaced once in a process's life at most: by the re-wrap command, after every practice keyset moved to a new master.
    private volatile Aead aead;

    MasterKey(CryptoProperties properties, @Value("${bedside.demo}") boolean demo,
            @Value("${bedside.data-dir}") String dataDir) {
        String location = properties.masterKeyset();
        if ((location == null || location.isBlank()) && demo) {
            location = Path.of(dataDir, "master-keyset.json").toString();
        }
        try {
            AeadConfig.register();
            this.aead = load(location, demo).getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The master keyset cannot be used: " + e.getClass().getSimpleName(), e);
        }
    }

    Aead aead() {
        return aead;
    }

    void replace(Aead next) {
        this.aead = next;
    }

    /** Reads another master keyset file (the re-wrap command's new one). */
    static Aead read(Path path) throws GeneralSecurityException, IOException {
        AeadConfig.register();
        return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(path, StandardCharsets.UTF_8),
                InsecureSecretKeyAccess.get()).getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    private static KeysetHandle load(String location, boolean demo) throws GeneralSecurityException {
        if (location == null || location.isBlank()) {
            throw new MasterKeysetMissingException(location);
        }
        Path path = Path.of(location);
        try {
            if (Files.exists(path)) {
                return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(path, StandardCharsets.UTF_8),
                        InsecureSecretKeyAccess.get());
            }
            if (!demo) {
                throw new MasterKeysetMissingException(path.toAbsolutePath().toString());
            }
            return generate(path);
        } catch (IOException e) {
            throw new UncheckedIOException("The master keyset at " + path + " cannot be read", e);
        }
    }

    private static KeysetHandle generate(Path path) throws IOException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        KeysetHandle handle = MasterKeysets.writeNew(path);
        log.warn("""

                ************************************************************************
                  DEMO MODE: generated a new master keyset at {}
                  It is for demo use only. Never use it for real patient data: set
                  BEDSIDE_MASTER_KEYSET to a keyset kept outside the data directory.
                ************************************************************************""",
                path.toAbsolutePath());
        return handle;
    }
}
