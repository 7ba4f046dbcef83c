package io.bedside.messaging;

import io.bedside.support.PostgresTest;

@PostgresTest
class AccessMatrixPostgresIntegrationTests extends AccessMatrixTests {
}
