package io.bedside.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads over HTTP by several clients for a while, each sending its next request as soon as the
 * last one is answered (a closed loop, as {@link SendLatencies} does for sends), and their latencies.
 */
final class ReadLatencies {

    /** One request of client {@code c}; true if it was answered as expected. */
    interface Request {
        boolean send(int client, int i);
    }

    /** The latencies of the successful requests, sorted, how many failed, and for how long. */
    record Result(long[] latenciesNanos, long errors, int seconds) {
        long count() {
            return latenciesNanos.length;
        }

        double perSecond() {
            return count() / (double) seconds;
        }

        double percentile(double p) {
            if (latenciesNanos.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(p / 100.0 * latenciesNanos.length) - 1;
            return latenciesNanos[Math.max(0, Math.min(index, latenciesNanos.length - 1))] / 1e6;
        }

        @Override
        public String toString() {
            return String.format("%d requests, %.0f/s, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d",
                    count(), perSecond(), percentile(50), percentile(90), percentile(99), percentile(100), errors);
        }
    }

    private ReadLatencies() {
    }

    static Result run(int clients, int seconds, Request request) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                long[] latencies = new long[1 << 12];
                int n = 0;
                int i = 0;
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    boolean ok = request.send(client, i++);
                    long took = System.nanoTime() - start;
                    if (!ok) {
                        errors.incrementAndGet();
                    } else {
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = took;
                    }
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            all.add(f.get());
        }
        pool.shutdown();
        return new Result(all.stream().flatMapToLong(Arrays::stream).sorted().toArray(), errors.get(), seconds);
    }
}
