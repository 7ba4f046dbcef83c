package io.bedside.notification;

class NotificationOutboxH2IntegrationTests extends NotificationOutboxTests {
}
