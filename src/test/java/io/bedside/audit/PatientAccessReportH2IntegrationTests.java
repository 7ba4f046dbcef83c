package io.bedside.audit;

class PatientAccessReportH2IntegrationTests extends PatientAccessReportTests {
}
