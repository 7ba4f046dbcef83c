package io.bedside.web;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import io.bedside.support.TestDatabases;
/** Readiness on a fresh PostgreSQL database. */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL, matches = ".+")
class ReadinessPostgresIntegrationTests extends ReadinessTests {

    @Override
    boolean postgres() {
        return true;
    }
}
