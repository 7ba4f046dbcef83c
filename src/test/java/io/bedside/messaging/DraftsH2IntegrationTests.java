package io.bedside.messaging;


class DraftsH2IntegrationTests extends DraftsTests {
}
