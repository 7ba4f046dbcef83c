package io.bedside.admin;

/** The setup command on an in-memory H2 database. */
class SetupCommandH2IntegrationTests extends SetupCommandTests {

    @Override
    boolean postgres() {
        return false;
    }
}
