package io.bedside.web;

class ApiFuzzH2IntegrationTests extends ApiFuzzTests {
}
