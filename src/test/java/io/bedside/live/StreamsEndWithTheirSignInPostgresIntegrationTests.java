package io.bedside.live;

import io.bedside.support.PostgresTest;

@PostgresTest
class StreamsEndWithTheirSignInPostgresIntegrationTests extends StreamsEndWithTheirSignInTests {
}
