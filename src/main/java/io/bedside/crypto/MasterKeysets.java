package io.bedside.crypto;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/**
 * Master keyset files: a Tink AES-256-GCM keyset in Tink's JSON format, created with mode 600 and
 * never over an existing file. Also the command {@code --bedside.keys.generate=PATH}, which runs
 * before (and instead of) the application: it needs no database and no master keyset.
 */
public final class MasterKeysets {

    public static final String GENERATE = "bedside.keys.generate";

    private MasterKeysets() {
    }

    /** The path of {@code --bedside.keys.generate=PATH} among the command-line arguments, if given. */
    public static Optional<String> generateRequested(String... args) {
        String prefix = "--" + GENERATE + "=";
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                return Optional.of(arg.substring(prefix.length()));
            }
            if (arg.equals("--" + GENERATE)) {
                return Optional.of("");
            }
        }
        return Optional.empty();
    }

    /**
     * The command: writes a new master keyset to {@code location}, says where on {@code out}, and
     * returns 0; a missing path, an existing file or a missing directory is reported on {@code err}
     * with 2, and nothing is written.
     */
    public static int generateCommand(String location, PrintStream out, PrintStream err) {
        if (location == null || location.isBlank()) {
            err.println("Name the file to write: --" + GENERATE + "=/path/master-keyset.json");
            return 2;
        }
        Path path = Path.of(location).toAbsolutePath();
        if (Files.exists(path)) {
            err.println(path + " already exists; a master keyset is never overwritten. Choose another path.");
            return 2;
        }
        if (path.getParent() != null && !Files.isDirectory(path.getParent())) {
            err.println("The directory " + path.getParent() + " does not exist; create it first (mode 700).");
            return 2;
        }
        try {
            writeNew(path);
        } catch (FileAlreadyExistsException e) {
            err.println(path + " already exists; a master keyset is never overwritten. Choose another path.");
            return 2;
        } catch (IOException e) {
            err.println("Cannot write " + path + ": " + e.getMessage());
            return 2;
        }
        out.println("Master keyset written to " + path + " (mode 600).");
        out.println("Start Bedside with BEDSIDE_MASTER_KEYSET=" + path
                + " and keep a copy of this file apart from the database backups: without it the data cannot be read.");
        return 0;
    }

    /**
     * Generates a new AES-256-GCM keyset and writes it to a file that did not exist, readable and
     * writable by its owner only from the moment it exists (where the file system knows POSIX modes).
     *
     * @throws FileAlreadyExistsException when the file exists: it is never overwritten
     */
    public static KeysetHandle writeNew(Path path) throws IOException {
        KeysetHandle handle;
        String json;
        try {
            AeadConfig.register();
            handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            json = TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink cannot generate an AES-256-GCM key", e);
        }
        var options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try (OutputStream out = open(path, options)) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        }
        return handle;
    }

    private static OutputStream open(Path path, Set<StandardOpenOption> options) throws IOException {
        try {
            return Channels.newOutputStream(Files.newByteChannel(path, options,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))));
        } catch (UnsupportedOperationException notPosix) {
            return Files.newOutputStream(path, options.toArray(StandardOpenOption[]::new));
        }
    }
}
