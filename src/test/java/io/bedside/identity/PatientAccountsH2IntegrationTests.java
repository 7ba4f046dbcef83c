package io.bedside.identity;

class PatientAccountsH2IntegrationTests extends PatientAccountsTests {
}
