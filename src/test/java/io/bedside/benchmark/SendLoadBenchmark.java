package io.bedside.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;
import io.bedside.support.PostgresTest;

/**
 * Sends per second and latency of {@code POST /api/v1/conversations/{id}/messages} over HTTP against
 * PostgreSQL: N clients (default 8), each sending as fast as it can into its own conversations for
 * a fixed time (default 30 s). Not part of {@code ./mvnw verify}; run it with
 * {@code ./mvnw verify -Pbenchmark} and BEDSIDE_TEST_POSTGRES_URL set. The load generator runs in
 * the same JVM as the server, on the same two cores, so the figures are a floor.
 */
@PostgresTest
class SendLoadBenchmark extends ApplicationTest {

    private static final int CLIENTS = Integer.getInteger("bedside.bench.clients", 8);
    private static final int SECONDS = Integer.getInteger("bedside.bench.seconds", 30);
    private static final int WARMUP_SECONDS = Integer.getInteger("bedside.bench.warmup", 5);

    @Test
    void sendsPerSecondAndLatency() throws Exception {
        String[] patients = {"alice@patients.example", "bob@patients.example"};
        List<List<String>> conversations = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            List<String> mine = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                mine.add(demo.startAsPatient(patients[c % 2], "Dr. Patel", "Load " + c + "-" + i, "Start"));
            }
            conversations.add(mine);
        }
        run(conversations, patients, WARMUP_SECONDS, false);
        Result result = run(conversations, patients, SECONDS, true);

        System.out.printf("%nSEND BENCHMARK (PostgreSQL, %d clients, %d s): %d sends, %.0f sends/s, "
                        + "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d%n%n",
                CLIENTS, SECONDS, result.count(), result.count() / (double) SECONDS, result.percentile(50),
                result.percentile(90), result.percentile(99), result.percentile(100), result.errors());
        assertThat(result.errors()).isZero();
        assertThat(result.count()).isPositive();
    }

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
    }

    private Result run(List<List<String>> conversations, String[] patients, int seconds, boolean record)
            throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            String token = demo.token(patients[c % 2]);
            futures.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                int i = 0;
                while (System.nanoTime() < end) {
                    String conversation = conversations.get(client).get(i++ % 10);
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
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            all.add(f.get());
        }
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return record ? new Result(merged, errors.get()) : new Result(new long[0], 0);
    }
}
