package io.bedside.shared;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;

/**
 * A one-shot command of the same jar ({@code --spring.main.web-application-type=none
 * --bedside.<command>=...}): it runs once the application has started, remembers its exit code,
 * and {@code BedsideApplication} then closes the application and exits with that code. Tests run
 * the very same path and read the code instead of exiting. A command run seeds no demo data.
 */
public interface Command extends ApplicationRunner, ExitCodeGenerator {

    /** The exit code of bad or duplicate input: a message on stderr, nothing written. */
    int BAD_INPUT = 2;
}
