package io.bedside.identity;

class TwoStepSignInH2IntegrationTests extends TwoStepSignInTests {
}
