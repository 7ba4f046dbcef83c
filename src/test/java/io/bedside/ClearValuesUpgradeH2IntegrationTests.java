package io.bedside;

class ClearValuesUpgradeH2IntegrationTests extends ClearValuesUpgradeTests {

    @Override
    boolean postgres() {
        return false;
    }
}
