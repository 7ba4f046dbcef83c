package io.bedside.faults;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.PATEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.bedside.BedsideApplication;
import io.bedside.support.Api;
import io.bedside.support.Demo;
import io.bedside.support.NatsServer;
import io.bedside.support.PostgresOnly;
import io.bedside.support.SendLoad;
import io.bedside.support.SendLoad.Send;
import io.bedside.support.SendLoad.Target;
import io.bedside.support.SseClient;
import io.bedside.support.TestDatabases;

/**
 * Two nodes on one PostgreSQL database, fanned out by a NATS server of the test's own that is
 * killed (SIGKILL) in the middle of a send load through both nodes and started again: no send
 * fails, and every message reaches every open stream on both nodes exactly once (live from the
 * node that took it, by the sweep when NATS is back or by the periodic catch-up).
 */
@PostgresOnly
class NatsKilledIntegrationTests {

    private static final Duration OUTAGE = Duration.ofSeconds(6);
    private static final Duration RECOVERY = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    @Test
    void sendsThroughTwoNodesSurviveNatsKilledAndEveryStreamGetsEveryMessageOnce() throws Exception {
        String database = TestDatabases.createPostgresDatabase(null);
        started.add(() -> TestDatabases.dropPostgresDatabase(database.replaceAll("^.*/([^/?]+)(\\?.*)?$", "$1")));
        NatsServer nats = NatsServer.start(dir.resolve("nats"));
        started.add(nats);
        Api a = node(database, nats);
        Api b = node(database, nats);
        Demo onA = new Demo(a);
        Demo onB = new Demo(b);
        String conversation = onA.startAsPatient(ALICE, "Dr. Patel", "Broker outage", "Hello");

        Map<String, SseClient> streams = Map.of(
                "Dr. Patel on A", stream(a, onA.token(PATEL)), "Dr. Patel on B", stream(b, onB.token(PATEL)),
                "Alice on A", stream(a, onA.token(ALICE)), "Alice on B", stream(b, onB.token(ALICE)));
        SendLoad load = SendLoad.start(List.of(new Target(a, onA.token(ALICE), conversation),
                new Target(b, onB.token(PATEL), conversation), new Target(b, onB.token(ALICE), conversation),
                new Target(a, onA.token(PATEL), conversation)), Duration.ofMillis(100));
        List<Send> sends;
        long killed;
        try {
            Thread.sleep(2000);
            killed = System.nanoTime();
            nats.kill();
            Thread.sleep(OUTAGE.toMillis());
            nats.start();
            Thread.sleep(2000);
        } finally {
            sends = load.stop();
        }

        assertThat(sends.stream().filter(s -> !s.acknowledged())).as("sends that failed").isEmpty();
        long duringOutage = sends.stream().filter(s -> s.startedNanos() > killed).count();
        Set<String> messages = sends.stream().map(Send::messageId).collect(Collectors.toSet());
        assertThat(messages).as("one message per send").hasSize(sends.size());

        for (Map.Entry<String, SseClient> stream : streams.entrySet()) {
            Map<String, Long> seen = awaitAll(stream.getValue(), messages);
            assertThat(seen.keySet()).as("messages on the stream of " + stream.getKey()).containsAll(messages);
            assertThat(seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey))
                    .as("messages twice on the stream of " + stream.getKey()).isEmpty();
        }
        System.out.printf("NATS killed: %d sends through two nodes (%d after the kill), 0 failed; %d messages checked "
                + "on each of %d streams, none missing, none twice%n", sends.size(), duringOutage, messages.size(),
                streams.size());
    }

    /** Counts each message's {@code message.created} events on the stream, waiting until all are there. */
    private static Map<String, Long> awaitAll(SseClient stream, Set<String> messages) throws InterruptedException {
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        Map<String, Long> seen;
        do {
            seen = stream.received().stream().filter(e -> e.name().equals("message.created"))
                    .map(e -> e.json().get("messageId").asString())
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            if (seen.keySet().containsAll(messages)) {
                // A little longer, so that a late duplicate would show.
                Thread.sleep(1000);
                return stream.received().stream().filter(e -> e.name().equals("message.created"))
                        .map(e -> e.json().get("messageId").asString())
                        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        return seen;
    }

    private SseClient stream(Api node, String token) {
        SseClient stream = SseClient.open(node, token);
        started.add(stream);
        return stream;
    }

    private Api node(String database, NatsServer nats) {
        ConfigurableApplicationContext node = new SpringApplicationBuilder(BedsideApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + TestDatabases.user(),
                "--spring.datasource.password=" + TestDatabases.password(),
                "--spring.datasource.hikari.maximum-pool-size=10",
                "--bedside.demo=true",
                "--bedside.demo.office-hours=false",
                "--bedside.data-dir=" + dir,
                "--bedside.notification.dispatch-interval=1h",
                "--bedside.outreach.tick=1h",
                "--bedside.workflow.overdue-check=1h",
                "--bedside.live.broker=nats",
                "--bedside.live.nats.url=" + nats.url(),
                "--bedside.live.catch-up-interval=5s");
        started.add(node);
        return new Api("http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port"));
    }
}
