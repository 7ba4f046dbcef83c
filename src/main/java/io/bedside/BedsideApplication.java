package io.bedside;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Bedside: secure messaging between patients and their primary care team.
 * One Spring Boot application; each package under {@code io.bedside} is a feature module.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(systemName = "Bedside", sharedModules = "shared")
public class BedsideApplication {

    public static void main(String[] args) {
        SpringApplication.run(BedsideApplication.class, args);
    }
}
