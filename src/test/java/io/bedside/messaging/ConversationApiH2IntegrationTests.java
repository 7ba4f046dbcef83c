package io.bedside.messaging;


class ConversationApiH2IntegrationTests extends ConversationApiTests {
}
