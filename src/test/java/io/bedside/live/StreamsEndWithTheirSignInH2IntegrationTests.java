package io.bedside.live;

class StreamsEndWithTheirSignInH2IntegrationTests extends StreamsEndWithTheirSignInTests {
}
