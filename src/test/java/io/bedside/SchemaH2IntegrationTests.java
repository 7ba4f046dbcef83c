package io.bedside;

class SchemaH2IntegrationTests extends SchemaTests {
}
