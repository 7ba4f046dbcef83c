package io.bedside.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A tmpfs of a given size mounted for one test (as root: {@code mount -t tmpfs}), to make a data
 * directory read-only or full without touching the machine's disks. Where mounting is not allowed
 * (no root, a container without CAP_SYS_ADMIN) the test is skipped with that reason.
 */
public final class SmallFileSystem implements AutoCloseable {

    private final Path mountPoint;
    private boolean mounted;

    private SmallFileSystem(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    public static SmallFileSystem mount(String size, boolean readOnly) {
        try {
            SmallFileSystem fs = new SmallFileSystem(Files.createTempDirectory("bedside-tmpfs-"));
            String error = fs.run("mount", "-t", "tmpfs", "-o", "size=" + size + (readOnly ? ",ro" : ""), "tmpfs",
                    fs.mountPoint.toString());
            if (error != null) {
                Files.deleteIfExists(fs.mountPoint);
            }
            Assumptions.assumeTrue(error == null, "cannot mount a tmpfs here (" + error + "): needs root with mount rights");
            fs.mounted = true;
            return fs;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path path() {
        return mountPoint;
    }

    /** The same files, now read-only (or writable again). */
    public void remount(boolean readOnly) {
        String error = run("mount", "-o", "remount," + (readOnly ? "ro" : "rw"), mountPoint.toString());
        if (error != null) {
            throw new IllegalStateException(error);
        }
    }

    /** Null when the command succeeded, else what it said. */
    private String run(String... command) {
        List<String> full = new ArrayList<>(List.of(command));
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return String.join(" ", command) + " did not finish";
            }
            return p.exitValue() == 0 ? null : String.join(" ", command) + ": " + out.strip();
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    @Override
    public void close() {
        if (mounted) {
            // Lazy: a child JVM killed a moment ago may still hold a file open.
            run("umount", "-l", mountPoint.toString());
            mounted = false;
        }
        // Recursively: a node still closing may have created its data directory under the unmounted point.
        try (var files = Files.walk(mountPoint)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind is harmless.
        }
    }
}
