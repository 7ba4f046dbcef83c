package io.bedside.admin;

class PatientRecordsH2IntegrationTests extends PatientRecordsTests {
}
