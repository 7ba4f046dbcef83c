package io.bedside.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bedside.support.Api;
import io.bedside.support.TestDatabases;

/**
 * How many idle event streams one node holds, and the heap each costs. The node runs in its own
 * process (a process may open about 20,000 files here, so server and clients cannot share one);
 * this JVM opens the streams over plain sockets and measures the node with jcmd after a full GC.
 * Run with {@code ./mvnw verify -Pbenchmark} and BEDSIDE_TEST_POSTGRES_URL set.
 */
class IdleStreamsBenchmark {

    private static final int STREAMS = Integer.getInteger("bedside.bench.streams", 10_000);

    @TempDir
    Path dataDir;

    @Test
    void idleStreamsAndHeapPerStream() throws Exception {
        String database = TestDatabases.createPostgresDatabase(null);
        String name = database.substring(database.lastIndexOf('/') + 1);
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx4g", "-cp", System.getProperty("java.class.path"), "io.bedside.BedsideApplication",
                "--server.port=" + port, "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + TestDatabases.user(),
                "--bedside.demo=true", "--bedside.data-dir=" + dataDir,
                "--bedside.live.max-streams-per-user=1000000", "--bedside.live.heartbeat=1h",
                "--logging.level.root=warn")
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("server.log").toFile()).start();
        List<SocketChannel> streams = new ArrayList<>();
        try {
            Api api = new Api("http://127.0.0.1:" + port);
            awaitUp(api);
            String[] tokens = {signIn(api, "alice@patients.example"), signIn(api, "dr.patel@riverside.example")};
            long before = heapAfterGc(server.pid());
            int threadsBefore = threads(server.pid());
            long start = System.nanoTime();
            for (int i = 0; i < STREAMS; i++) {
                streams.add(openStream(port, tokens[i % 2]));
            }
            double openSeconds = (System.nanoTime() - start) / 1e9;
            Thread.sleep(2000);
            long after = heapAfterGc(server.pid());
            if (Boolean.getBoolean("bedside.bench.histogram")) {
                jcmd(server.pid(), "GC.class_histogram").lines().limit(30).forEach(System.out::println);
            }
            int threadsAfter = threads(server.pid());
            // Every stream still answers: a message reaches the user's streams.
            Api.Response health = api.get("/actuator/health").send();
            System.out.printf("%nIDLE STREAMS BENCHMARK: %d streams open on one node (opened in %.1f s); "
                            + "heap after full GC %d MB -> %d MB, %.1f KB per stream; threads %d -> %d; health %d%n%n",
                    streams.size(), openSeconds, before / 1024 / 1024, after / 1024 / 1024,
                    (after - before) / 1024.0 / streams.size(), threadsBefore, threadsAfter, health.status());
            assertThat(health.status()).isEqualTo(200);
        } finally {
            for (SocketChannel s : streams) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // Closing anyway.
                }
            }
            server.destroy();
            server.waitFor();
            TestDatabases.dropPostgresDatabase(name);
        }
    }

    private static SocketChannel openStream(int port, String token) throws IOException {
        SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
        String request = "GET /api/v1/events HTTP/1.0\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                + "\r\nAccept: text/event-stream\r\n\r\n";
        channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        StringBuilder seen = new StringBuilder();
        while (!seen.toString().contains("event:ready")) {
            buffer.clear();
            if (channel.read(buffer) < 0) {
                throw new IOException("stream closed: " + seen);
            }
            buffer.flip();
            seen.append(StandardCharsets.UTF_8.decode(buffer));
        }
        if (!seen.toString().startsWith("HTTP/1.1 200") && !seen.toString().startsWith("HTTP/1.0 200")) {
            throw new IOException("stream refused: " + seen);
        }
        return channel;
    }

    /** Signs in once the demo data is seeded (the web server answers a moment before that). */
    private static String signIn(Api api, String user) throws InterruptedException {
        for (int i = 0; ; i++) {
            try {
                return api.signIn(user, "demo-password");
            } catch (AssertionError notSeededYet) {
                if (i > 50) {
                    throw notSeededYet;
                }
                Thread.sleep(200);
            }
        }
    }

    private static void awaitUp(Api api) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            try (Socket ignored = new Socket("127.0.0.1", Integer.parseInt(api.base().replaceAll(".*:", "")))) {
                if (api.get("/actuator/health").send().status() == 200) {
                    return;
                }
            } catch (IOException | IllegalStateException notYet) {
                // Still starting.
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the node did not start");
    }

    private static long heapAfterGc(long pid) throws Exception {
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
        if (!m.find()) {
            throw new AssertionError("no heap figure in: " + info);
        }
        return Long.parseLong(m.group(1)) * 1024;
    }

    private static int threads(long pid) throws IOException {
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return (int) tasks.count();
        }
    }

    private static String jcmd(long pid, String command) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

}
