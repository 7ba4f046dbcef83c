package io.bedside.admin;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import io.bedside.support.TestDatabases;

/** The key commands on a fresh PostgreSQL database. */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL, matches = ".+")
class KeysCommandPostgresIntegrationTests extends KeysCommandTests {

    @Override
    boolean postgres() {
        return true;
    }
}
