package io.bedside;

import java.util.Arrays;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.bedside.crypto.MasterKeysets;
import io.bedside.shared.Command;

/**
 * Bedside: secure messaging between patients and their primary care team.
 * One Spring Boot application; each package under {@code io.bedside} is a feature module.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(systemName = "Bedside", sharedModules = "shared")
public class BedsideApplication {

    /** Arguments that make a run a one-shot command rather than a server. */
    private static final String[] COMMANDS = {"--bedside.setup.", "--bedside.keys.", "--bedside.audit.verify", "--bedside.search.reindex"};

    public static void main(String[] args) {
        Integer exitCode = launch(args);
        if (exitCode != null) {
            System.exit(exitCode);
        }
    }

    /**
     * Starts Bedside. A command ({@link Command}, or {@code --bedside.keys.generate}, which runs
     * without starting anything) runs to its end, and its exit code is returned; a server returns null
     * and keeps serving.
     */
    public static Integer launch(String... args) {
        var generate = MasterKeysets.generateRequested(args);
        if (generate.isPresent()) {
            return MasterKeysets.generateCommand(generate.get(), System.out, System.err);
        }
        SpringApplication application = new SpringApplication(BedsideApplication.class);
        if (Arrays.stream(args).anyMatch(a -> Arrays.stream(COMMANDS).anyMatch(a::startsWith))) {
            // A command never opens the HTTP port, even if --spring.main.web-application-type=none was forgotten.
            application.setWebApplicationType(WebApplicationType.NONE);
            // What a command prints is for the operator and their scripts: no banner, and the
            // application's own log on the console only for warnings and errors.
            application.setBannerMode(Banner.Mode.OFF);
            application.setDefaultProperties(Map.of("logging.threshold.console", "WARN"));
        }
        ConfigurableApplicationContext context = application.run(args);
        if (context.getBeanProvider(Command.class).stream().findAny().isEmpty()) {
            return null;
        }
        return SpringApplication.exit(context);
    }
}
