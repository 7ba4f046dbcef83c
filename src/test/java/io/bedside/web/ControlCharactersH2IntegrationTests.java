package io.bedside.web;

class ControlCharactersH2IntegrationTests extends ControlCharactersTests {
}
