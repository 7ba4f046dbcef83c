package io.bedside.admin;

class PracticeDetailsH2IntegrationTests extends PracticeDetailsTests {
}
