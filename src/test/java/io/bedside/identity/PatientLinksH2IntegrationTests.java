package io.bedside.identity;

class PatientLinksH2IntegrationTests extends PatientLinksTests {
}
