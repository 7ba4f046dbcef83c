package io.bedside;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;

/** The Flyway migrations run unchanged on each database and keep the storage rules. */
@BothDatabases
class SchemaIntegrationTests extends ApplicationTest {

    // Infrastructure, not practice data: migration history. The practice table's own id is its practice id.
    // The sign-in throttle counts usernames (unique across the deployment) and client addresses, before
    // anyone is known to belong to a practice; its keys are hashes and name no one.
    private static final Set<String> NOT_TENANT_DATA = Set.of("flyway_schema_history",
            "practice", "sign_in_throttle", "sign_in_attempt",
            // One lock row for every practice: the live fan-out runs one at a time across the deployment.
            "live_fan_out");

    @Autowired
    org.flywaydb.core.Flyway flyway;

    @Test
    void everyMigrationIsApplied() {
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(flyway.info().applied()).isNotEmpty()
                .allSatisfy(m -> assertThat(m.getState().isApplied()).isTrue());
    }

    @Test
    void everyTableCarriesThePracticeId() {
        List<String> tables = jdbc.sql("""
                select table_name from information_schema.tables
                 where table_schema = current_schema() and table_type in ('BASE TABLE', 'TABLE')""")
                .query(String.class).list();
        assertThat(tables).contains("practice", "user_account", "api_token", "crypto_practice_keyset");
        for (String table : tables) {
            if (NOT_TENANT_DATA.contains(table.toLowerCase())) {
                continue;
            }
            long columns = jdbc.sql("""
                    select count(*) from information_schema.columns
                     where table_schema = current_schema() and table_name = :t and column_name = 'practice_id'""")
                    .param("t", table).query(Long.class).single();
            assertThat(columns).as("practice_id in " + table).isEqualTo(1);
        }
    }
}
