package io.bedside;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Before anything starts on the embedded default (an H2 file database under {@code bedside.data-dir}),
 * writes and removes a small file there. A directory that cannot be written to (a read-only mount, a
 * full disk, no permission) otherwise surfaced as hundreds of lines of bean-creation errors naming
 * neither the directory nor the cure; {@link DataDirectoryFailureAnalyzer} says both in a line each.
 */
public class DataDirectoryCheck implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("spring.datasource.url", "");
        String dataDir = environment.getProperty("bedside.data-dir");
        if (!url.startsWith("jdbc:h2:file:") || dataDir == null) {
            return;
        }
        Path directory = Path.of(dataDir).toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
            Path probe = Files.createTempFile(directory, ".write-check-", "");
            try {
                // A block's worth, so that a full file system shows here and not half-way through a migration.
                Files.write(probe, new byte[4096]);
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException e) {
            throw new DataDirectoryNotWritableException(directory, reason(e), e);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Override
    public int getOrder() {
        // After config data (application.yml, environment variables) has been loaded.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
