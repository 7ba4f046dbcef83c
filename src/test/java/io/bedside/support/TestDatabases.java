package io.bedside.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every test application context a database of its own: an in-memory H2 database, or, when
 * this JVM runs the suite on PostgreSQL ({@code -Dbedside.test.database=postgres}, as Failsafe's
 * {@code postgres} execution sets; or a class under the {@code postgres} profile, the benchmarks),
 * a fresh PostgreSQL database created on the server named by {@code BEDSIDE_TEST_POSTGRES_URL}
 * and dropped when the context closes. The database is chosen per JVM, never per class.
 */
public class TestDatabases implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String POSTGRES_URL = "BEDSIDE_TEST_POSTGRES_URL";
    /** System property naming the database of this test JVM: {@code postgres}, or H2 when unset. */
    public static final String DATABASE = "bedside.test.database";
    /**
     * A test property naming a PostgreSQL database that outlives the run (a benchmark's big seeded
     * data set): created when missing, never dropped, with its data directory (the master key that
     * wraps its keys) kept beside it in the temp directory. A database whose directory is gone is
     * dropped and made again, since nothing in it could be decrypted.
     */
    public static final String KEPT_DATABASE = "bedside.test.kept-database";
    private static final Pattern JDBC_URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(\\?.*)?$");

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        Map<String, Object> properties = new HashMap<>();
        properties.put("bedside.demo", "true");
        // The demo teams are open around the clock in tests; a test about office hours sets its own.
        properties.put("bedside.demo.office-hours", "false");
        // Tests deliver notices and check for overdue answers when they choose to.
        properties.put("bedside.notification.dispatch-interval", "1h");
        properties.put("bedside.workflow.overdue-check", "1h");
        // Tests send campaigns themselves (CampaignSender), so the background tick stays out of the way.
        properties.put("bedside.outreach.tick", "1h");
        // Tests that read the chain seal it themselves (AuditChain.sealPending); a sealer every 500 ms in
        // each of the dozens of cached contexts only takes CPU from the running test.
        properties.put("bedside.audit.seal-interval", "1h");
        String kept = environment.getProperty(KEPT_DATABASE);
        properties.put("bedside.data-dir", kept == null ? tempDir().toString() : keptDataDir(kept).toString());
        // Tests sign in from many client addresses through the loopback "proxy" (X-Forwarded-For), as
        // behind a named proxy; a test of the default (no proxy trusted) sets the property itself.
        if (!environment.containsProperty("bedside.trusted-proxies")) {
            properties.put("bedside.trusted-proxies", "127.0.0.1,::1");
        }
        boolean postgres = postgres() || Arrays.asList(environment.getActiveProfiles()).contains("postgres");
        if (postgres) {
            String database = kept == null ? createPostgresDatabase(context) : keptPostgresDatabase(kept);
            properties.put("spring.datasource.url", database);
            properties.put("spring.datasource.username", user());
            properties.put("spring.datasource.password", password());
            // Spring keeps every test context alive for reuse, each with its own pool: a pool that
            // holds 20 idle connections per context would use up the server's 100 connections
            // (the machine's default) once a dozen PostgreSQL contexts exist. A few warm ones are
            // enough for a test; bursts (the races of 50) open more and give them back quickly.
            properties.put("spring.datasource.hikari.minimum-idle", "1");
            properties.put("spring.datasource.hikari.maximum-pool-size", "10");
            properties.put("spring.datasource.hikari.idle-timeout", "10000");
        } else {
            properties.put("spring.datasource.url", h2Url());
        }
        environment.getPropertySources().addFirst(new MapPropertySource("testDatabase", properties));
    }

    public static String h2Url() {
        return "jdbc:h2:mem:bedside-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    /** Whether this test JVM runs on PostgreSQL ({@code -Dbedside.test.database=postgres}) rather than H2. */
    public static boolean postgres() {
        String database = System.getProperty(DATABASE, "h2");
        if (database.isBlank() || database.equalsIgnoreCase("h2")) {
            return false;
        }
        if (!database.equalsIgnoreCase("postgres")) {
            throw new IllegalStateException(DATABASE + " must be h2 or postgres, not " + database);
        }
        if (!postgresConfigured()) {
            throw new IllegalStateException(DATABASE + "=postgres needs " + POSTGRES_URL
                    + " (jdbc:postgresql://host:port/database of a server where the tests may create databases)");
        }
        return true;
    }

    public static boolean postgresConfigured() {
        String url = System.getenv(POSTGRES_URL);
        return url != null && !url.isBlank();
    }

    /** Creates a fresh database; returns its JDBC URL. */
    public static String createPostgresDatabase(ConfigurableApplicationContext context) {
        String base = System.getenv(POSTGRES_URL);
        if (base == null || base.isBlank()) {
            throw new IllegalStateException(POSTGRES_URL + " is not set");
        }
        Matcher m = JDBC_URL.matcher(base);
        if (!m.matches()) {
            throw new IllegalStateException(POSTGRES_URL + " must look like jdbc:postgresql://host:port/database");
        }
        String name = "bedside_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                .toLowerCase(Locale.ROOT);
        execute(base, "create database " + name);
        if (context != null) {
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent) {
                    dropPostgresDatabase(name);
                }
            });
        }
        return m.group(1) + name + (m.group(3) == null ? "" : m.group(3));
    }

    /** The database named {@code name} (see {@link #KEPT_DATABASE}); returns its JDBC URL. */
    private static String keptPostgresDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalStateException(KEPT_DATABASE + " must be a plain lower-case name");
        }
        String base = System.getenv(POSTGRES_URL);
        Matcher m = JDBC_URL.matcher(base == null ? "" : base);
        if (!m.matches()) {
            throw new IllegalStateException(POSTGRES_URL + " must look like jdbc:postgresql://host:port/database");
        }
        Path marker = keptDataDir(name).resolve(".kept-database");
        if (!Files.exists(marker)) {
            dropPostgresDatabase(name);
            execute(base, "create database " + name);
            try {
                Files.writeString(marker, name);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return m.group(1) + name + (m.group(3) == null ? "" : m.group(3));
    }

    private static Path keptDataDir(String name) {
        try {
            return Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), name + "-data"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void dropPostgresDatabase(String name) {
        execute(System.getenv(POSTGRES_URL), "drop database if exists " + name + " with (force)");
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url, user(), password()); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL: " + sql + " failed: " + e.getMessage(), e);
        }
    }

    /** The role the database tests sign in to PostgreSQL as. */
    public static String user() {
        String user = System.getenv("BEDSIDE_TEST_POSTGRES_USER");
        return user == null || user.isBlank() ? System.getProperty("user.name") : user;
    }

    /** The password of {@link #user()}; empty when none is set. */
    public static String password() {
        String password = System.getenv("BEDSIDE_TEST_POSTGRES_PASSWORD");
        return password == null ? "" : password;
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("bedside-test-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
