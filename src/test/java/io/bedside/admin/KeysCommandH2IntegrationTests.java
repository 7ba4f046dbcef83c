package io.bedside.admin;

/** The key commands on an in-memory H2 database. */
class KeysCommandH2IntegrationTests extends KeysCommandTests {

    @Override
    boolean postgres() {
        return false;
    }
}
