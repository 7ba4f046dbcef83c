package io.bedside.live;


class LiveDeliveryH2IntegrationTests extends LiveDeliveryTests {
}
