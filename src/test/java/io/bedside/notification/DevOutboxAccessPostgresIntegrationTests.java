package io.bedside.notification;

import io.bedside.support.PostgresTest;

@PostgresTest
class DevOutboxAccessPostgresIntegrationTests extends DevOutboxAccessTests {
}
