package io.bedside.web;

/** Readiness on an in-memory H2 database. */
class ReadinessH2IntegrationTests extends ReadinessTests {

    @Override
    boolean postgres() {
        return false;
    }
}
