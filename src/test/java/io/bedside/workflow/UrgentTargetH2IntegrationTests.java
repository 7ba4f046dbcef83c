package io.bedside.workflow;

class UrgentTargetH2IntegrationTests extends UrgentTargetTests {
}
