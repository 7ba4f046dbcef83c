package io.bedside.support;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Counts the application contexts the test framework starts in this JVM and prints one line for
 * each, naming the test class that needed it: {@code grep '\[contexts\]'} in a run's output shows
 * which classes could share a context and do not (each context costs seconds to start and keeps
 * its pools and schedulers while it is cached). Registered in META-INF/spring.factories; every
 * instance is equal to every other, so it never splits the context cache.
 */
public final class ContextCounter implements ContextCustomizerFactory {

    private static final AtomicInteger STARTED = new AtomicInteger();

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return new Count();
    }

    private static final class Count implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            System.out.printf("[contexts] application context #%d (%s) for %s%n", STARTED.incrementAndGet(),
                    onPostgres(config) ? "postgres" : "h2", config.getTestClass().getName());
        }

        /** As {@link TestDatabases} decides: the JVM's choice, or the {@code postgres} profile (the benchmarks). */
        private static boolean onPostgres(MergedContextConfiguration config) {
            return TestDatabases.postgres() || Arrays.asList(config.getActiveProfiles()).contains("postgres");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Count;
        }

        @Override
        public int hashCode() {
            return Count.class.hashCode();
        }
    }
}
