package io.bedside.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * A test class that needs PostgreSQL whatever the run's database (a server stopped under a running
 * node, several nodes on one database): it runs only in the PostgreSQL run (Failsafe's
 * {@code postgres} execution selects this tag; the H2 run leaves it out), and only when
 * {@code BEDSIDE_TEST_POSTGRES_URL} is set.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag(PostgresOnly.TAG)
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL, matches = ".+")
public @interface PostgresOnly {

    /** The JUnit tag Failsafe's H2 execution leaves out and its PostgreSQL execution runs. */
    String TAG = "postgres-only";
}
