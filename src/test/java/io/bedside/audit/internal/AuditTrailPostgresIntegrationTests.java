package io.bedside.audit.internal;

import io.bedside.support.PostgresTest;

@PostgresTest
class AuditTrailPostgresIntegrationTests extends AuditTrailTests {
}
