package io.bedside.notification;

class NotificationChannelsH2IntegrationTests extends NotificationChannelsTests {
}
