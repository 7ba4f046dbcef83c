package io.bedside.messaging;

import io.bedside.support.PostgresTest;

@PostgresTest
class RequestRulesPostgresIntegrationTests extends RequestRulesTests {
}
