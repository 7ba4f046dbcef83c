package io.bedside.notification;

class DevOutboxAccessH2IntegrationTests extends DevOutboxAccessTests {
}
