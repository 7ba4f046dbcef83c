package io.bedside.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL cluster of the test's own ({@code initdb} into a temporary directory, {@code pg_ctl}
 * on a free port), so that a test may stop and start the database under a running Bedside without
 * touching the machine's shared server. initdb refuses to run as root, so as root (CI) every
 * command runs as the {@code postgres} OS user, in a directory that user owns.
 */
public final class PostgresCluster implements AutoCloseable {

    private static final String OS_USER = "postgres";

    private final Path bin;
    private final Path dir;
    private final int port;
    private final Thread stopAtExit;
    private boolean running;

    private PostgresCluster(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        // Also when the test JVM is ended without running the test's finally (Ctrl-C, a surefire timeout).
        this.stopAtExit = new Thread(this::stopQuietly, "stop-test-postgres-" + port);
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /** Creates and starts a cluster; skips the test (an assumption) when PostgreSQL's server binaries are absent. */
    public static PostgresCluster start() {
        Optional<Path> bin = serverBinaries();
        Assumptions.assumeTrue(bin.isPresent(),
                "PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin or "
                        + "/usr/local/bin: the database restart test needs a cluster of its own");
        try {
            Path dir = Files.createTempDirectory("bedside-pg-");
            PostgresCluster cluster = new PostgresCluster(bin.get(), dir, Deployment.freePort());
            try {
                cluster.init();
                cluster.startServer();
                return cluster;
            } catch (RuntimeException | Error e) {
                cluster.close();
                throw e;
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Optional<Path> serverBinaries() {
        List<Path> candidates = new ArrayList<>();
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            versions.map(v -> v.resolve("bin")).sorted(Comparator.reverseOrder()).forEach(candidates::add);
        } catch (IOException e) {
            // No Debian layout: try /usr/local/bin below.
        }
        candidates.add(Path.of("/usr/local/bin"));
        return candidates.stream()
                .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                .findFirst();
    }

    public int port() {
        return port;
    }

    /** JDBC URL of a database in this cluster. */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The superuser initdb made; the cluster trusts local TCP connections, so no password. */
    public String user() {
        return OS_USER;
    }

    public void createDatabase(String name) {
        try (Connection c = DriverManager.getConnection(url("postgres"), OS_USER, "");
                Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("create database " + name + " failed: " + e.getMessage(), e);
        }
    }

    /** Stops the server at once, as a crash would: open connections break, no checkpoint. */
    public void stopImmediately() {
        pgCtl("stop", "-m", "immediate", "-w");
        running = false;
    }

    /** Starts the server again on the same port and data; it recovers from its write-ahead log. */
    public void startServer() {
        pgCtl("start", "-w", "-t", "120", "-l", dir.resolve("server.log").toString(), "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dir + " -c max_connections=60");
        running = true;
    }

    private void init() throws IOException {
        if (isRoot()) {
            UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
            PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
            view.setOwner(users.lookupPrincipalByName(OS_USER));
            GroupPrincipal group = users.lookupPrincipalByGroupName(OS_USER);
            view.setGroup(group);
        }
        run(List.of(bin.resolve("initdb").toString(), "-D", data().toString(), "-U", OS_USER, "-A", "trust",
                "-E", "UTF8", "--locale=C", "--no-sync"));
    }

    private Path data() {
        return dir.resolve("data");
    }

    private void pgCtl(String... args) {
        List<String> command = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString()));
        command.addAll(List.of(args));
        run(command);
    }

    private void run(List<String> command) {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", OS_USER, "--"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("commands.log").toFile())).start();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 180 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + process.exitValue() + ":\n"
                        + Files.readString(dir.resolve("commands.log")));
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private void stopQuietly() {
        if (running) {
            try {
                stopImmediately();
            } catch (RuntimeException e) {
                // Best effort: the server may already be gone.
            }
        }
    }

    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs anyway.
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind is harmless.
        }
    }
}
