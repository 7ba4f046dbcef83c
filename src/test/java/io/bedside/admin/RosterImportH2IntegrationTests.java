package io.bedside.admin;

class RosterImportH2IntegrationTests extends RosterImportTests {
}
