package io.bedside;

import io.bedside.support.PostgresTest;

@PostgresTest
class SchemaPostgresIntegrationTests extends SchemaTests {
}
