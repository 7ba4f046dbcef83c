package io.bedside.identity;

class AuthTokenApiH2IntegrationTests extends AuthTokenApiTests {
}
