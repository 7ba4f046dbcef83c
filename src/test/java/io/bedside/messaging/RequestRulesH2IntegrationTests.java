package io.bedside.messaging;

class RequestRulesH2IntegrationTests extends RequestRulesTests {
}
