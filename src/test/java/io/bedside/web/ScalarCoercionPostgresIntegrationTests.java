package io.bedside.web;

import io.bedside.support.PostgresTest;

@PostgresTest
class ScalarCoercionPostgresIntegrationTests extends ScalarCoercionTests {
}
