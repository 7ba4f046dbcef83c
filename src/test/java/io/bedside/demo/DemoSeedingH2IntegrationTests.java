package io.bedside.demo;

class DemoSeedingH2IntegrationTests extends DemoSeedingTests {
}
