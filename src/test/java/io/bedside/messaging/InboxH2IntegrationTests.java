package io.bedside.messaging;

class InboxH2IntegrationTests extends InboxTests {
}
