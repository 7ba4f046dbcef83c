package io.bedside.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test class that runs once per database: on H2 in the build's first integration-test run, and
 * again on PostgreSQL in the second (Failsafe's {@code postgres} execution selects this tag and
 * sets {@code -Dbedside.test.database=postgres}). The class itself does not choose: it asks
 * {@link TestDatabases} (application contexts get their database from it, and a test that starts
 * its own deployment calls {@link TestDatabases#postgres()}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag(BothDatabases.TAG)
public @interface BothDatabases {

    /** The JUnit tag Failsafe's PostgreSQL execution runs. */
    String TAG = "database";
}
