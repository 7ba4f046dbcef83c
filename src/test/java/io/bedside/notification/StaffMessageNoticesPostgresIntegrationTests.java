package io.bedside.notification;

import io.bedside.support.PostgresTest;

@PostgresTest
class StaffMessageNoticesPostgresIntegrationTests extends StaffMessageNoticesTests {
}
