package io.bedside.identity.internal;

class LoginThrottleAcrossNodesH2IntegrationTests extends LoginThrottleAcrossNodesTests {
}
