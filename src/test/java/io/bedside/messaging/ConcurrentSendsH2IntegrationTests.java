package io.bedside.messaging;


class ConcurrentSendsH2IntegrationTests extends ConcurrentSendsTests {
}
