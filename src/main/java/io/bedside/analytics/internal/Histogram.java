package io.bedside.analytics.internal;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Durations counted by bucket, and their percentiles. A duration is kept rounded down to the minute
 * under an hour, to 5 minutes under a day, to 15 minutes under a week, and to the hour beyond: as
 * fine as anyone reads a response time, coarse enough that a year of waits is about a thousand
 * counts per group. Percentiles are interpolated between the ranked bucket values as SQL's
 * {@code percentile_cont} interpolates between values, so durations on that grid give exactly what
 * it would.
 */
final class Histogram {

    private static final long HOUR = 3_600;
    private static final long DAY = 86_400;
    private static final long WEEK = 7 * DAY;

    private final TreeMap<Integer, Long> counts = new TreeMap<>();
    private long total;

    /** The bucket of a duration in seconds: its lower bound, in seconds. */
    static int bucket(long seconds) {
        long s = Math.max(0, seconds);
        long step = s < HOUR ? 60 : s < DAY ? 300 : s < WEEK ? 900 : 3600;
        return (int) Math.min(Integer.MAX_VALUE, s / step * step);
    }

    void add(int bucket, long n) {
        counts.merge(bucket, n, Long::sum);
        total += n;
    }

    void addAll(Histogram other) {
        other.counts.forEach(this::add);
    }

    long total() {
        return total;
    }

    /** The {@code p} percentile (0..1), interpolated; null when empty. */
    Duration percentile(double p) {
        if (total == 0) {
            return null;
        }
        double position = p * (total - 1);
        long below = (long) Math.floor(position);
        double fraction = position - below;
        double low = valueAt(below);
        double high = fraction == 0 ? low : valueAt(below + 1);
        return Duration.ofSeconds(Math.round(low + fraction * (high - low)));
    }

    /** The value of the {@code rank}-th smallest duration (from 0). */
    private double valueAt(long rank) {
        long seen = 0;
        for (Map.Entry<Integer, Long> e : counts.entrySet()) {
            seen += e.getValue();
            if (rank < seen) {
                return e.getKey();
            }
        }
        return counts.lastKey();
    }
}
