package io.bedside.audit.internal;


class AuditTrailH2IntegrationTests extends AuditTrailTests {
}
