package io.bedside;

class PhiAtRestH2IntegrationTests extends PhiAtRestTests {
}
