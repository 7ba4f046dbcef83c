package io.bedside.workflow;

import io.bedside.support.PostgresTest;

@PostgresTest
class UrgentTargetPostgresIntegrationTests extends UrgentTargetTests {
}
