package io.bedside.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.bedside.BedsideApplication;

/**
 * One deployment as an operator sets it up, outside demo mode: a database of its own (in-memory
 * H2, or a fresh PostgreSQL database dropped at {@link #close()}) and a master keyset file.
 * {@link #run} runs the jar's commands in-process through {@link BedsideApplication#launch}, the
 * path {@code main} takes; {@link #serve} starts a node on it.
 */
public final class Deployment implements AutoCloseable {

    /** What a command printed, and its exit code. */
    public record Outcome(int exitCode, String out, String err) {

        public List<String> lines(String prefix) {
            return out.lines().filter(l -> l.startsWith(prefix)).toList();
        }
    }

    private final String url;
    private final String postgresDatabase;
    private final Path dir;
    private Path masterKeyset;

    private Deployment(String url, String postgresDatabase, Path dir) {
        this.url = url;
        this.postgresDatabase = postgresDatabase;
        this.dir = dir;
        this.masterKeyset = dir.resolve("master-keyset.json");
    }

    public static Deployment on(boolean postgres, Path dir) {
        if (postgres) {
            String url = TestDatabases.createPostgresDatabase(null);
            return new Deployment(url, url.replaceAll("^.*/([^/?]+)(\\?.*)?$", "$1"), dir);
        }
        return new Deployment(TestDatabases.h2Url(), null, dir);
    }

    public Path masterKeyset() {
        return masterKeyset;
    }

    /** From now on, every run and node uses this keyset (an operator's switch of BEDSIDE_MASTER_KEYSET). */
    public void useMasterKeyset(Path keyset) {
        this.masterKeyset = keyset;
    }

    /** The operator's settings plus {@code extra}: the database, the keyset, demo mode off unless overridden. */
    public String[] args(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--bedside.db.url=" + url,
                "--bedside.db.user=" + (postgresDatabase == null ? "sa" : TestDatabases.user()),
                "--bedside.db.password=" + (postgresDatabase == null ? "" : postgresPassword()),
                "--bedside.crypto.master-keyset=" + masterKeyset,
                "--bedside.data-dir=" + dir.resolve("data"),
                "--bedside.notification.dispatch-interval=1h",
                "--bedside.outreach.tick=1h",
                "--bedside.workflow.overdue-check=1h"));
        if (Arrays.stream(extra).noneMatch(a -> a.startsWith("--bedside.demo="))) {
            args.add("--bedside.demo=false");
        }
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    /** Runs a command of the jar as {@code java -jar bedside.jar <args>} would, and what it printed. */
    public Outcome run(CapturedOutput output, String... extra) {
        int out = output.getOut().length();
        int err = output.getErr().length();
        Integer code = BedsideApplication.launch(args(extra));
        if (code == null) {
            throw new AssertionError("not a command: " + Arrays.toString(extra));
        }
        return new Outcome(code, output.getOut().substring(out), output.getErr().substring(err));
    }

    /** Starts a node (HTTP on {@code port}) on this deployment. */
    public ConfigurableApplicationContext serve(int port, String... extra) {
        String[] all = Arrays.copyOf(args(extra), args(extra).length + 1);
        all[all.length - 1] = "--server.port=" + port;
        return new SpringApplicationBuilder(BedsideApplication.class).run(all);
    }

    /** Plain JDBC on the deployment's database, for counting rows around a command. */
    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource());
    }

    /** The deployment's database, for a test that prepares it as an older version left it. */
    public javax.sql.DataSource dataSource() {
        return new DriverManagerDataSource(url,
                postgresDatabase == null ? "sa" : TestDatabases.user(), postgresDatabase == null ? "" : postgresPassword());
    }

    /** Rows in every table but Flyway's history: "nothing written" means this does not change. */
    public long totalRows() {
        JdbcClient jdbc = jdbc();
        List<String> tables = jdbc.sql("""
                select table_name from information_schema.tables
                 where lower(table_schema) = 'public' and lower(table_type) in ('table', 'base table')
                   and lower(table_name) <> 'flyway_schema_history'""")
                .query(String.class).list();
        long total = 0;
        for (String table : tables) {
            total += jdbc.sql("select count(*) from " + table).query(Long.class).single();
        }
        return total;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (postgresDatabase != null) {
            TestDatabases.dropPostgresDatabase(postgresDatabase);
        }
    }

    private static String postgresPassword() {
        String password = System.getenv("BEDSIDE_TEST_POSTGRES_PASSWORD");
        return password == null ? "" : password;
    }

    @Override
    public String toString() {
        return "Deployment[" + (postgresDatabase == null ? "h2" : postgresDatabase) + "]";
    }

}
