package io.bedside;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Keeps the module boundaries true and writes the module documentation into target/. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(BedsideApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        modules.verify();
    }

    /**
     * Every module says which modules it may use, so that {@link #modulesOnlyUseEachOthersPublicApi()}
     * catches a new arrow between modules; a module without the list (Spring Modulith's default)
     * could use any other unnoticed.
     */
    @Test
    void everyModuleDeclaresItsAllowedDependencies() {
        assertThat(modules.stream().map(module -> module.getBasePackage().getName()).filter(p -> declaration(p).map(ModularityTests::isOpen).orElse(true))
                .sorted().toList())
                .as("modules whose package-info.java has no @ApplicationModule(allowedDependencies = ...)")
                .isEmpty();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules)
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }

    private static Optional<ApplicationModule> declaration(String basePackage) {
        try {
            return Optional.ofNullable(Class.forName(basePackage + ".package-info").getAnnotation(ApplicationModule.class));
        } catch (ClassNotFoundException noPackageInfo) {
            return Optional.empty();
        }
    }

    private static boolean isOpen(ApplicationModule module) {
        return Arrays.asList(module.allowedDependencies()).contains(ApplicationModule.OPEN_TOKEN);
    }
}
