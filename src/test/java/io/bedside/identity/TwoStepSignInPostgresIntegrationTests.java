package io.bedside.identity;

import io.bedside.support.PostgresTest;

@PostgresTest
class TwoStepSignInPostgresIntegrationTests extends TwoStepSignInTests {
}
