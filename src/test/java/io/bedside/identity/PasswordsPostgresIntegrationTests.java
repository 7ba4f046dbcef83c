package io.bedside.identity;

import io.bedside.support.PostgresTest;

@PostgresTest
class PasswordsPostgresIntegrationTests extends PasswordsTests {
}
