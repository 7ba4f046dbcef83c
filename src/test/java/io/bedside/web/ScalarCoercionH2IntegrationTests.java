package io.bedside.web;

class ScalarCoercionH2IntegrationTests extends ScalarCoercionTests {
}
