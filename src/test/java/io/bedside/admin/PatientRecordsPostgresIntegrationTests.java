package io.bedside.admin;

import io.bedside.support.PostgresTest;

@PostgresTest
class PatientRecordsPostgresIntegrationTests extends PatientRecordsTests {
}
