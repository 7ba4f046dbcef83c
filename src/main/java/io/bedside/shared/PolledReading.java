package io.bedside.shared;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A figure that costs a query (a queue's depth, the sealer's lag), read for a metrics gauge at
 * most once per {@code maxAge}: a storm of scrapes, or several Prometheus servers, cost the
 * database one query every few seconds, never one per scrape. A failed read is remembered as
 * failed for as long (the gauge shows NaN), so a database that is away is not asked again on
 * every scrape while each waits for a connection.
 */
public final class PolledReading<T> {

    private final long maxAgeNanos;
    private final Supplier<T> source;
    private T value;
    private long readAt;
    private boolean read;

    public PolledReading(Duration maxAge, Supplier<T> source) {
        this.maxAgeNanos = maxAge.toNanos();
        this.source = source;
    }

    /** The latest reading, taken now when the last one is older than the maximum age; null when it failed. */
    public synchronized T get() {
        long now = System.nanoTime();
        if (!read || now - readAt >= maxAgeNanos) {
            try {
                value = source.get();
            } catch (RuntimeException e) {
                value = null;
            }
            readAt = now;
            read = true;
        }
        return value;
    }
}
