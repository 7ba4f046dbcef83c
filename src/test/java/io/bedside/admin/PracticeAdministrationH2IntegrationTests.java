package io.bedside.admin;

class PracticeAdministrationH2IntegrationTests extends PracticeAdministrationTests {
}
