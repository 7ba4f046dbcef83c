package io.bedside.admin;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import io.bedside.support.TestDatabases;

/** The setup command on a fresh PostgreSQL database. */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL, matches = ".+")
class SetupCommandPostgresIntegrationTests extends SetupCommandTests {

    @Override
    boolean postgres() {
        return true;
    }
}
