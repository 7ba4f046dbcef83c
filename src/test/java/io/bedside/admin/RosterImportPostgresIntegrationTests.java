package io.bedside.admin;

import io.bedside.support.PostgresTest;

@PostgresTest
class RosterImportPostgresIntegrationTests extends RosterImportTests {
}
