package io.bedside.outreach;

import io.bedside.support.PostgresTest;

@PostgresTest
class OutreachPostgresIntegrationTests extends OutreachTests {
}
