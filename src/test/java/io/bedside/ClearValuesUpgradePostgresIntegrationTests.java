package io.bedside;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import io.bedside.support.TestDatabases;

/** The upgrade on a fresh PostgreSQL database. */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL, matches = ".+")
class ClearValuesUpgradePostgresIntegrationTests extends ClearValuesUpgradeTests {

    @Override
    boolean postgres() {
        return true;
    }
}
