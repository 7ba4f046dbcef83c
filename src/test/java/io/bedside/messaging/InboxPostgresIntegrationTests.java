package io.bedside.messaging;

import io.bedside.support.PostgresTest;

@PostgresTest
class InboxPostgresIntegrationTests extends InboxTests {
}
