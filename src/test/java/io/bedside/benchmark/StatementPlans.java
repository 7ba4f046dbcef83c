package io.bedside.benchmark;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Has PostgreSQL log the plan of every statement some requests run ({@code auto_explain} with
 * ANALYZE and BUFFERS, for the benchmark's own database only), so the statements of one request
 * and their costs can be read from the server's log. Each batch of requests is preceded by a
 * marker statement ({@code select 'bench: <label>'}) that shows where it starts.
 */
final class StatementPlans {

    private StatementPlans() {
    }

    static void logged(JdbcClient jdbc, DataSource dataSource, Runnable requests) {
        String database = jdbc.sql("select current_database()").query(String.class).single();
        set(jdbc, dataSource, database, true);
        try {
            requests.run();
        } finally {
            set(jdbc, dataSource, database, false);
        }
        System.out.printf("%nstatement plans of database %s are in PostgreSQL's log%n", database);
    }

    static void mark(JdbcClient jdbc, String label) {
        jdbc.sql("select 'bench: " + label.replace("'", "") + "'").query(String.class).single();
    }

    private static void set(JdbcClient jdbc, DataSource dataSource, String database, boolean on) {
        if (on) {
            jdbc.sql("alter database " + database + " set session_preload_libraries = 'auto_explain'").update();
            jdbc.sql("alter database " + database + " set auto_explain.log_min_duration = 0").update();
            jdbc.sql("alter database " + database + " set auto_explain.log_analyze = on").update();
            jdbc.sql("alter database " + database + " set auto_explain.log_buffers = on").update();
        } else {
            jdbc.sql("alter database " + database + " reset all").update();
        }
        // Connections read the database's settings when they open: open new ones.
        try {
            dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
