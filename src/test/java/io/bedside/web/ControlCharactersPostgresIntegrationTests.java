package io.bedside.web;

import io.bedside.support.PostgresTest;

@PostgresTest
class ControlCharactersPostgresIntegrationTests extends ControlCharactersTests {
}
