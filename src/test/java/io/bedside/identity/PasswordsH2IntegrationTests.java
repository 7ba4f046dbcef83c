package io.bedside.identity;

class PasswordsH2IntegrationTests extends PasswordsTests {
}
