package io.bedside.identity;

import io.bedside.support.PostgresTest;

@PostgresTest
class LoginThrottleConcurrencyPostgresIntegrationTests extends LoginThrottleConcurrencyTests {
}
