package io.bedside.messaging;

import io.bedside.support.PostgresTest;

@PostgresTest
class PatientCallsPostgresIntegrationTests extends PatientCallsTests {
}
