package io.bedside.admin;

import io.bedside.support.PostgresTest;

@PostgresTest
class PracticeAdministrationPostgresIntegrationTests extends PracticeAdministrationTests {
}
