package io.bedside.identity;

class LoginThrottleConcurrencyH2IntegrationTests extends LoginThrottleConcurrencyTests {
}
