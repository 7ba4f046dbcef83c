package io.bedside.messaging;

import io.bedside.support.PostgresTest;

@PostgresTest
class ConversationApiPostgresIntegrationTests extends ConversationApiTests {
}
