package io.bedside.web;

import io.bedside.support.PostgresTest;

@PostgresTest
class ApiFuzzPostgresIntegrationTests extends ApiFuzzTests {
}
