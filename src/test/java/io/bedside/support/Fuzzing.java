package io.bedside.support;

/** How long each fuzz target runs under {@code -Pfuzz} (in a normal build they only replay their inputs). */
public final class Fuzzing {

    /** Per target: Jazzer runs one target per JVM, so scripts/fuzz.sh takes about this times the targets. */
    public static final String PER_TARGET = "3m";

    private Fuzzing() {
    }
}
