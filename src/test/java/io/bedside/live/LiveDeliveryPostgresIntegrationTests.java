package io.bedside.live;

import io.bedside.support.PostgresTest;

@PostgresTest
class LiveDeliveryPostgresIntegrationTests extends LiveDeliveryTests {
}
