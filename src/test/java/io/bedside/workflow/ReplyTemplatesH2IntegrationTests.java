package io.bedside.workflow;

class ReplyTemplatesH2IntegrationTests extends ReplyTemplatesTests {
}
