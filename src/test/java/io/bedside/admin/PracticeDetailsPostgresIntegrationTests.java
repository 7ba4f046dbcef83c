package io.bedside.admin;

import io.bedside.support.PostgresTest;

@PostgresTest
class PracticeDetailsPostgresIntegrationTests extends PracticeDetailsTests {
}
