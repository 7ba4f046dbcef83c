package io.bedside;

import io.bedside.support.PostgresTest;

@PostgresTest
class PhiAtRestPostgresIntegrationTests extends PhiAtRestTests {
}
