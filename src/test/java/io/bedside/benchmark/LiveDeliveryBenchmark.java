package io.bedside.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.bedside.BedsideApplication;
import io.bedside.support.Api;
import io.bedside.support.Demo;
import io.bedside.support.SseClient;
import io.bedside.support.TestDatabases;

/**
 * Delivery latency from the start of a send to its receipt on another user's stream, on the same
 * node and across two nodes through the machine's NATS (127.0.0.1:4222), against PostgreSQL.
 * Run with {@code ./mvnw verify -Pbenchmark} and BEDSIDE_TEST_POSTGRES_URL set.
 */
class LiveDeliveryBenchmark {

    private static final int MESSAGES = Integer.getInteger("bedside.bench.messages", 300);

    @TempDir
    Path dataDir;

    @Test
    void deliveryLatencySameNodeAndAcrossNodes() throws Exception {
        String database = TestDatabases.createPostgresDatabase(null);
        String name = database.substring(database.lastIndexOf('/') + 1);
        List<ConfigurableApplicationContext> nodes = new ArrayList<>();
        try {
            Api a = node(nodes, database);
            Api b = node(nodes, database);
            double[] same = measure(a, a);
            double[] across = measure(a, b);
            System.out.printf("%nDELIVERY BENCHMARK (PostgreSQL, NATS, %d messages each): same node p50 %.1f ms, "
                            + "p99 %.1f ms; across nodes p50 %.1f ms, p99 %.1f ms%n%n",
                    MESSAGES, same[0], same[1], across[0], across[1]);
        } finally {
            nodes.forEach(ConfigurableApplicationContext::close);
            TestDatabases.dropPostgresDatabase(name);
        }
    }

    /** Alice sends through {@code sender}; Dr. Patel listens on {@code receiver}. Returns p50, p99 in ms. */
    private double[] measure(Api sender, Api receiver) throws Exception {
        Demo onSender = new Demo(sender);
        Demo onReceiver = new Demo(receiver);
        String conversation = onSender.startAsPatient("alice@patients.example", "Dr. Patel", "Latency", "start");
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        long[] latencies = new long[MESSAGES];
        try (SseClient patel = SseClient.open(receiver, onReceiver.token("dr.patel@riverside.example"))) {
            String token = onSender.token("alice@patients.example");
            for (int i = 0; i < MESSAGES + 20; i++) {
                long start = System.nanoTime();
                String id = sender.post("/api/v1/conversations/" + conversation + "/messages").token(token)
                        .json(Map.of("body", "latency " + i)).send().json().get("id").asString();
                sentAt.put(id, start);
                SseClient.Event event = patel.await(e -> e.data().contains(id), Duration.ofSeconds(30));
                long received = System.nanoTime();
                assertThat(event).isNotNull();
                if (i >= 20) {
                    latencies[i - 20] = received - start;
                }
                Thread.sleep(5);
            }
        }
        Arrays.sort(latencies);
        return new double[] {latencies[latencies.length / 2] / 1e6,
                latencies[(int) Math.ceil(latencies.length * 0.99) - 1] / 1e6};
    }

    private Api node(List<ConfigurableApplicationContext> nodes, String database) {
        ConfigurableApplicationContext node = new SpringApplicationBuilder(BedsideApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + TestDatabases.user(),
                "--bedside.demo=true", "--bedside.data-dir=" + dataDir, "--bedside.live.broker=nats",
                "--bedside.live.nats.url=nats://127.0.0.1:4222", "--logging.level.root=warn");
        nodes.add(node);
        return new Api("http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port"));
    }
}
