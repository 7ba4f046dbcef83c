package io.bedside.workflow;

class PatientMessageRulesH2IntegrationTests extends PatientMessageRulesTests {
}
