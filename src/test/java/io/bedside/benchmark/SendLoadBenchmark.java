package io.bedside.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

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
        run(conversations, patients, WARMUP_SECONDS);
        SendLatencies.Result result = run(conversations, patients, SECONDS);

        System.out.printf("%nSEND BENCHMARK (PostgreSQL, %d clients, %d s): %d sends, %.0f sends/s, "
                        + "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d%n%n",
                CLIENTS, SECONDS, result.count(), result.count() / (double) SECONDS, result.percentile(50),
                result.percentile(90), result.percentile(99), result.percentile(100), result.errors());
        assertThat(result.errors()).isZero();
        assertThat(result.count()).isPositive();
    }

    private SendLatencies.Result run(List<List<String>> conversations, String[] patients, int seconds)
            throws Exception {
        return SendLatencies.run(api, CLIENTS, c -> demo.token(patients[c % 2]),
                (client, i) -> conversations.get(client).get(i % 10), seconds, 0);
    }
}
