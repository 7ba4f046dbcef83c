package io.bedside.faults;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.BOB;
import static io.bedside.support.Demo.PATEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.bedside.BedsideApplication;
import io.bedside.support.Api;
import io.bedside.support.Demo;
import io.bedside.support.PostgresCluster;
import io.bedside.support.PostgresOnly;
import io.bedside.support.SendLoad;
import io.bedside.support.SendLoad.Send;
import io.bedside.support.SendLoad.Target;

/**
 * PostgreSQL stopped at once ({@code pg_ctl stop -m immediate}, as a crash) under a running node
 * taking a send load, kept away a few seconds, and started again: sends meanwhile get a quick 503
 * problem, health says DOWN, sends work again without restarting the node, and every message the
 * node acknowledged is stored once, with a gapless seq. Runs on a cluster of its own (the machine's
 * shared server is never stopped), in CI where {@code BEDSIDE_TEST_POSTGRES_URL} is set.
 */
@PostgresOnly
class DatabaseRestartIntegrationTests {

    /** Far above the pool's connection timeout (5 s): an answer slower than this is a hang. */
    private static final Duration FAIL_FAST = Duration.ofSeconds(15);
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private static final Duration RECOVERY = Duration.ofSeconds(90);

    @Test
    void sendsFailFastWhileTheDatabaseIsDownAndEveryAcknowledgedMessageIsStoredOnce(@TempDir Path dataDir)
            throws Exception {
        try (PostgresCluster postgres = PostgresCluster.start()) {
            postgres.createDatabase("bedside");
            try (ConfigurableApplicationContext node = node(postgres, dataDir)) {
                Api api = new Api("http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port"));
                Demo demo = new Demo(api);
                String first = demo.startAsPatient(ALICE, "Dr. Patel", "Restart", "Before the load");
                String second = demo.startAsPatient(BOB, "Dr. Patel", "Restart too", "Before the load");
                List<Target> targets = List.of(new Target(api, demo.token(ALICE), first),
                        new Target(api, demo.token(PATEL), first), new Target(api, demo.token(BOB), second),
                        new Target(api, demo.token(PATEL), second));

                SendLoad load = SendLoad.start(targets, Duration.ofMillis(50));
                List<Send> sends;
                HealthWatch health;
                long stopped;
                long restarting;
                try {
                    awaitAcknowledged(load, 20);

                    stopped = System.nanoTime();
                    postgres.stopImmediately();
                    health = HealthWatch.start(api);
                    Thread.sleep(OUTAGE.toMillis());
                    restarting = System.nanoTime();
                    postgres.startServer();
                    awaitAcknowledgedAfter(load, restarting, 20);
                    health.awaitUp();
                } finally {
                    sends = load.stop();
                }

                List<Send> duringOutage = sends.stream()
                        .filter(s -> s.startedNanos() > stopped + Duration.ofMillis(500).toNanos()
                                && s.startedNanos() < restarting)
                        .toList();
                assertThat(duringOutage).as("sends started while the database was down answer, and soon")
                        .allSatisfy(s -> assertThat(s.took()).as(s.toString()).isLessThan(FAIL_FAST));
                assertThat(duringOutage.stream().filter(s -> !s.acknowledged()))
                        .as("sends refused while the database was down").hasSizeGreaterThanOrEqualTo(targets.size());
                assertThat(sends.stream().filter(s -> !s.acknowledged()))
                        .as("every send that failed, at any time").allSatisfy(DatabaseRestartIntegrationTests::isAQuick503Problem);
                assertThat(health.statusesSeen()).as("health while the database was down").contains("DOWN 503");

                // A client retries what failed with the same key: it is stored now, or it was stored before the
                // connection broke and the retry answers the first message.
                Map<String, String> stored = new ConcurrentHashMap<>();
                for (Send s : sends) {
                    Send answered = s.acknowledged() ? s : SendLoad.send(s.target(), s.key());
                    assertThat(answered.acknowledged()).as("retry of " + s).isTrue();
                    assertThat(stored.put(s.key(), answered.messageId())).isNull();
                }

                JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(postgres.url("bedside"), postgres.user(), ""));
                for (String conversation : Set.of(first, second)) {
                    List<Long> seqs = jdbc.sql("select seq from message where conversation_id = :c order by seq")
                            .param("c", java.util.UUID.fromString(conversation)).query(Long.class).list();
                    assertThat(seqs).as("seq of " + conversation + " is gapless").isEqualTo(
                            java.util.stream.LongStream.rangeClosed(1, seqs.size()).boxed().toList());
                }
                long messages = jdbc.sql("select count(*) from message where conversation_id in (:c)")
                        .param("c", List.of(java.util.UUID.fromString(first), java.util.UUID.fromString(second)))
                        .query(Long.class).single();
                assertThat(messages).as("each key stored once, plus the two first messages")
                        .isEqualTo(stored.size() + 2L);
                Set<String> ids = jdbc.sql("select cast(message_id as varchar) from idempotency_key where idem_key like 'load-%'")
                        .query(String.class).set();
                assertThat(ids).as("every key names its one message").containsExactlyInAnyOrderElementsOf(
                        stored.values().stream().collect(Collectors.toSet()));

                System.out.printf("Database restart: %d sends, %d acknowledged, %d started during the outage, "
                                + "%d retried after it, %d messages checked, health %s%n",
                        sends.size(), sends.stream().filter(Send::acknowledged).count(), duringOutage.size(),
                        sends.stream().filter(s -> !s.acknowledged()).count(), messages, health.statusesSeen());
            }
        }
    }

    private static void isAQuick503Problem(Send send) {
        assertThat(send.answer()).as("an answer to " + send).isNotNull();
        assertThat(send.answer().status()).as(send.toString()).isEqualTo(503);
        assertThat(send.answer().contentType()).as(send.toString()).startsWith("application/problem+json");
        assertThat(send.answer().header("Retry-After")).as(send.toString()).isNotBlank();
        assertThat(send.took()).as(send.toString()).isLessThan(FAIL_FAST);
    }

    private static ConfigurableApplicationContext node(PostgresCluster postgres, Path dataDir) {
        return new SpringApplicationBuilder(BedsideApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + postgres.url("bedside"),
                "--spring.datasource.username=" + postgres.user(),
                "--spring.datasource.password=",
                "--bedside.demo=true",
                "--bedside.demo.office-hours=false",
                "--bedside.data-dir=" + dataDir,
                "--bedside.notification.dispatch-interval=1h",
                "--bedside.outreach.tick=1h",
                "--bedside.workflow.overdue-check=1h");
    }

    private static void awaitAcknowledged(SendLoad load, int count) throws InterruptedException {
        awaitAcknowledgedAfter(load, 0, count);
    }

    private static void awaitAcknowledgedAfter(SendLoad load, long after, int count) throws InterruptedException {
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        while (System.nanoTime() < deadline) {
            if (load.sendsSoFar().stream().filter(s -> s.startedNanos() > after && s.acknowledged()).count() >= count) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("fewer than " + count + " sends acknowledged within " + RECOVERY + "; last: "
                + load.sendsSoFar().stream().skip(Math.max(0, load.sendsSoFar().size() - 3)).toList());
    }

    /** Polls {@code /actuator/health} on its own thread and keeps each status it saw with its HTTP code. */
    private static final class HealthWatch {

        private final Set<String> seen = ConcurrentHashMap.newKeySet();
        private final AtomicBoolean up = new AtomicBoolean();
        private final Thread thread;

        private HealthWatch(Api api) {
            thread = new Thread(() -> {
                while (!up.get()) {
                    try {
                        Api.Response r = api.get("/actuator/health").send();
                        String status = r.json().get("status").asString();
                        seen.add(status + " " + r.status());
                        up.set("UP".equals(status) && seen.stream().anyMatch(s -> s.startsWith("DOWN")));
                        Thread.sleep(250);
                    } catch (RuntimeException e) {
                        seen.add("no answer: " + e.getMessage());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "health-watch");
            thread.setDaemon(true);
        }

        static HealthWatch start(Api api) {
            HealthWatch watch = new HealthWatch(api);
            watch.thread.start();
            return watch;
        }

        void awaitUp() throws InterruptedException {
            thread.join(RECOVERY.toMillis());
            thread.interrupt();
            assertThat(up.get()).as("health back UP after DOWN; seen " + seen).isTrue();
        }

        List<String> statusesSeen() {
            return new ArrayList<>(seen);
        }
    }
}
