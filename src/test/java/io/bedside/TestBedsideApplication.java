package io.bedside;

import org.springframework.boot.SpringApplication;

/**
 * Starts Bedside against the local PostgreSQL with demo data, for poking at by hand:
 * {@code ./mvnw spring-boot:test-run}. Uses the database named by {@code BEDSIDE_DB_URL}, else
 * {@code jdbc:postgresql://127.0.0.1:5432/test}.
 */
public class TestBedsideApplication {

    public static void main(String[] args) {
        String url = System.getenv().getOrDefault("BEDSIDE_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        System.setProperty("bedside.db.url", url);
        System.setProperty("bedside.db.user", System.getenv().getOrDefault("BEDSIDE_DB_USER", "postgres"));
        System.setProperty("bedside.demo", "true");
        SpringApplication.from(BedsideApplication::main).run(args);
    }
}
