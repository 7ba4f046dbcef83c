package io.bedside.demo;

import io.bedside.support.PostgresTest;

@PostgresTest
class DemoSeedingPostgresIntegrationTests extends DemoSeedingTests {
}
