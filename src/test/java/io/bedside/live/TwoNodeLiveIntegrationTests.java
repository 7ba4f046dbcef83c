package io.bedside.live;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.PATEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * Two Bedside nodes sharing one database, fanned out by a real NATS server: a message sent through
 * node A reaches a stream on node B, also across a NATS outage. Uses PostgreSQL when
 * BEDSIDE_TEST_POSTGRES_URL is set, else one in-memory H2 database shared by both nodes.
 */
class TwoNodeLiveIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(25);

    @TempDir
    Path dataDir;

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private String database;
    private String postgresName;
    private Process nats;

    @BeforeEach
    void database() {
        if (TestDatabases.postgresConfigured()) {
            database = TestDatabases.createPostgresDatabase(null);
            postgresName = database.substring(database.lastIndexOf('/') + 1).split("\\?")[0];
        } else {
            database = TestDatabases.h2Url();
        }
    }

    @AfterEach
    void stop() {
        nodes.forEach(ConfigurableApplicationContext::close);
        if (nats != null) {
            nats.destroy();
        }
        if (postgresName != null) {
            TestDatabases.dropPostgresDatabase(postgresName);
        }
    }

    @Test
    void aMessageSentThroughNodeAReachesAStreamOnNodeBThroughTheMachinesNats() {
        assertThat(reachable(4222)).as("the machine's NATS server at 127.0.0.1:4222").isTrue();
        Api a = node("nats://127.0.0.1:4222");
        Api b = node("nats://127.0.0.1:4222");
        Demo onA = new Demo(a);
        Demo onB = new Demo(b);

        try (SseClient patelOnB = SseClient.open(b, onB.token(PATEL))) {
            String id = onA.startAsPatient(ALICE, "Dr. Patel", "Across nodes", "Hello from node A");
            String message = onA.send(ALICE, id, "Still there?").json().get("id").asString();

            SseClient.Event event = patelOnB.await(e -> e.data().contains(message), WAIT);
            assertThat(event.name()).isEqualTo("message.created");
        }
    }

    @Test
    void natsStoppedAndRestartedLosesNoEvent(@TempDir Path natsDir) throws Exception {
        int port = freePort();
        startNats(port, natsDir);
        Api a = node("nats://127.0.0.1:" + port);
        Api b = node("nats://127.0.0.1:" + port);
        Demo onA = new Demo(a);
        Demo onB = new Demo(b);
        String id = onA.startAsPatient(ALICE, "Dr. Patel", "Outage", "Hello");

        try (SseClient patelOnB = SseClient.open(b, onB.token(PATEL))) {
            String before = onA.send(ALICE, id, "before the outage").json().get("id").asString();
            patelOnB.await(e -> e.data().contains(before), WAIT);

            nats.destroy();
            nats.waitFor();
            awaitHealth(a, "DEGRADED");
            Api.Response during = onA.send(ALICE, id, "during the outage");
            assertThat(during.status()).as("sends succeed while NATS is down").isEqualTo(201);
            String missed = during.json().get("id").asString();

            startNats(port, natsDir);
            patelOnB.await(e -> e.data().contains(missed), WAIT);
            awaitHealth(a, "UP");
        }
    }

    private Api node(String natsUrl) {
        ConfigurableApplicationContext node = new SpringApplicationBuilder(BedsideApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + (postgresName != null ? TestDatabases.user() : "sa"),
                "--bedside.demo=true",
                "--bedside.data-dir=" + dataDir,
                "--bedside.live.broker=nats",
                "--bedside.live.nats.url=" + natsUrl,
                "--bedside.live.catch-up-interval=5s");
        nodes.add(node);
        return new Api("http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port"));
    }

    private void startNats(int port, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        nats = new ProcessBuilder("/usr/sbin/nats-server", "-a", "127.0.0.1", "-p", Integer.toString(port), "-js",
                "-sd", dir.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("nats.log").toFile())
                .start();
        for (int i = 0; i < 100 && !reachable(port); i++) {
            Thread.sleep(100);
        }
        assertThat(reachable(port)).as("nats-server started on " + port).isTrue();
    }

    private static void awaitHealth(Api node, String status) throws InterruptedException {
        String seen = null;
        for (int i = 0; i < 100; i++) {
            seen = node.get("/actuator/health").send().json().get("components").get("liveBroker")
                    .get("status").asString();
            if (status.equals(seen)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("live broker health stayed " + seen + ", expected " + status);
    }

    private static boolean reachable(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
