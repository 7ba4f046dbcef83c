package io.bedside.messaging;

class PatientCallsH2IntegrationTests extends PatientCallsTests {
}
