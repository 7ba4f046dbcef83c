package io.bedside.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.ActiveProfiles;

/**
 * Runs a class always against PostgreSQL, in a database of its own, when
 * {@code BEDSIDE_TEST_POSTGRES_URL} is set: the benchmarks, which measure PostgreSQL only. A test
 * that runs on both databases is {@link BothDatabases} instead (the run, not the class, chooses).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ActiveProfiles("postgres")
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL, matches = ".+")
public @interface PostgresTest {
}
