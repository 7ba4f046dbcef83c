package io.bedside.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import io.bedside.support.Api;

/**
 * Ordinary sends over HTTP by several clients for a while, and their latencies: the load of the
 * send benchmarks. A client sends as fast as it can, or one message every {@code paceMs}.
 */
final class SendLatencies {

    /** Where client {@code c} sends its {@code i}-th message. */
    interface Target {
        String conversation(int client, int i);
    }

    /** The latencies of the successful sends, sorted, and how many sends failed. */
    record Result(long[] latenciesNanos, long errors) {
        long count() {
            return latenciesNanos.length;
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
            return String.format("%d sends, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, errors %d", count(),
                    percentile(50), percentile(90), percentile(99), errors);
        }
    }

    private SendLatencies() {
    }

    static Result run(Api api, int clients, IntFunction<String> tokenOf, Target target, int seconds, int paceMs)
            throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            String token = tokenOf.apply(c);
            futures.add(pool.submit(() -> {
                long[] latencies = new long[1 << 12];
                int n = 0;
                int i = 0;
                while (System.nanoTime() < end) {
                    String conversation = target.conversation(client, i++);
                    long start = System.nanoTime();
                    Api.Response response = api.post("/api/v1/conversations/" + conversation + "/messages")
                            .token(token).json(Map.of("body", "Load test message " + i)).send();
                    long took = System.nanoTime() - start;
                    if (response.status() != 201) {
                        errors.incrementAndGet();
                    } else {
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = took;
                    }
                    long sleep = paceMs - took / 1_000_000;
                    if (paceMs > 0 && sleep > 0) {
                        Thread.sleep(sleep);
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
        return new Result(all.stream().flatMapToLong(Arrays::stream).sorted().toArray(), errors.get());
    }
}
