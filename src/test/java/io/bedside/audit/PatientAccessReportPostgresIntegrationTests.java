package io.bedside.audit;

import io.bedside.support.PostgresTest;

@PostgresTest
class PatientAccessReportPostgresIntegrationTests extends PatientAccessReportTests {
}
