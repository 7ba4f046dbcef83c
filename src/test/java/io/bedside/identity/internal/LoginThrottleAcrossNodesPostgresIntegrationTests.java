package io.bedside.identity.internal;

import io.bedside.support.PostgresTest;

@PostgresTest
class LoginThrottleAcrossNodesPostgresIntegrationTests extends LoginThrottleAcrossNodesTests {
}
