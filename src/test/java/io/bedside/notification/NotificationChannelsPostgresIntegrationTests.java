package io.bedside.notification;

import io.bedside.support.PostgresTest;

@PostgresTest
class NotificationChannelsPostgresIntegrationTests extends NotificationChannelsTests {
}
