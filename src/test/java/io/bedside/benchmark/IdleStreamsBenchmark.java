package io.bedside.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
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
 * process, and the streams are opened over plain sockets by client processes of up to
 * {@value #PER_CLIENT} streams each: every process has its own limit of open files ({@code ulimit -n},
 * 20,000 on the benchmark machines), and a node can hold only as many streams as its limit leaves
 * after its own files (jars, database connections): about 19,700 when the limit is 20,000. The node
 * is measured with jcmd after a full GC; the figure per stream is the difference with no stream
 * open, divided by the streams opened. Run with {@code ./mvnw verify -Pbenchmark} and
 * BEDSIDE_TEST_POSTGRES_URL set; {@code -Dbedside.bench.streams=20000} asks for 20,000 (it opens
 * what the node accepts and reports where it stopped).
 */
class IdleStreamsBenchmark {

    private static final int STREAMS = Integer.getInteger("bedside.bench.streams", 10_000);
    private static final int PER_CLIENT = 10_000;

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
        List<Process> clients = new ArrayList<>();
        int opened = 0;
        try {
            Api api = new Api("http://127.0.0.1:" + port);
            awaitUp(api);
            String[] tokens = {signIn(api, "alice@patients.example"), signIn(api, "dr.patel@riverside.example")};
            long before = heapAfterGc(server.pid());
            int threadsBefore = threads(server.pid());
            long filesBefore = openFiles(server.pid());
            long start = System.nanoTime();
            String stoppedBy = "";
            for (int left = STREAMS; left > 0 && stoppedBy.isEmpty(); left -= PER_CLIENT) {
                Process client = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m", "-cp", System.getProperty("java.class.path"), Clients.class.getName(),
                        Integer.toString(port), Integer.toString(Math.min(left, PER_CLIENT)), tokens[0], tokens[1])
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
                clients.add(client);
                String line = new java.io.BufferedReader(new java.io.InputStreamReader(client.getInputStream(),
                        StandardCharsets.US_ASCII)).readLine();
                if (line == null || !line.startsWith("OPENED ")) {
                    throw new AssertionError("the client process failed: " + line);
                }
                String[] parts = line.split(" ", 3);
                opened += Integer.parseInt(parts[1]);
                stoppedBy = parts.length > 2 ? parts[2] : "";
            }
            double openSeconds = (System.nanoTime() - start) / 1e9;
            Thread.sleep(2000);
            long after = heapAfterGc(server.pid());
            if (Boolean.getBoolean("bedside.bench.histogram")) {
                jcmd(server.pid(), "GC.class_histogram").lines().limit(30).forEach(System.out::println);
            }
            int threadsAfter = threads(server.pid());
            // Every stream still answers: a message reaches the user's streams.
            long filesAfter = openFiles(server.pid());
            System.out.printf("%nIDLE STREAMS BENCHMARK: %d of %d streams open on one node (opened in %.1f s%s); "
                            + "heap after full GC %d MB -> %d MB, %d bytes (%.1f KB) per stream; threads %d -> %d; "
                            + "open files %d -> %d of the node's limit of %s; health %d%n%n",
                    opened, STREAMS, openSeconds, stoppedBy.isEmpty() ? "" : "; stopped: " + stoppedBy,
                    before / 1024 / 1024, after / 1024 / 1024, (after - before) / opened,
                    (after - before) / 1024.0 / opened, threadsBefore, threadsAfter, filesBefore, filesAfter,
                    fileLimit(server.pid()), health(api));
            if (stoppedBy.isEmpty()) {
                // Below its limit the node still answers; at it, new connections wait (ConnectionLimit).
                assertThat(health(api)).isEqualTo(200);
            }
        } finally {
            for (Process client : clients) {
                // Closing its stdin tells a client process to close its streams and exit.
                client.getOutputStream().close();
                client.waitFor();
            }
            server.destroy();
            server.waitFor();
            TestDatabases.dropPostgresDatabase(name);
        }
    }

    /**
     * A client process: opens {@code count} streams (alternating the two tokens) until one fails,
     * prints {@code OPENED n [why it stopped]}, holds them until its stdin closes, then exits.
     */
    static final class Clients {
        public static void main(String[] args) throws IOException {
            int port = Integer.parseInt(args[0]);
            int count = Integer.parseInt(args[1]);
            List<Socket> streams = new ArrayList<>();
            String stopped = "";
            try {
                for (int i = 0; i < count; i++) {
                    streams.add(openStream(port, args[2 + i % 2]));
                }
            } catch (IOException e) {
                stopped = " " + e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            System.out.println("OPENED " + streams.size() + stopped.replace('\n', ' '));
            System.out.flush();
            while (System.in.read() >= 0) {
                // Held open until the benchmark is done.
            }
            for (Socket s : streams) {
                s.close();
            }
        }
    }

    private static Socket openStream(int port, String token) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        // A node out of files or connections accepts no more: waiting 10 s for an answer says so.
        socket.setSoTimeout(10_000);
        String request = "GET /api/v1/events HTTP/1.0\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                + "\r\nAccept: text/event-stream\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        byte[] buffer = new byte[4096];
        StringBuilder seen = new StringBuilder();
        try {
            while (!seen.toString().contains("event:ready")) {
                int n = socket.getInputStream().read(buffer);
                if (n < 0) {
                    throw new IOException("stream closed: " + seen);
                }
                seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        if (!seen.toString().startsWith("HTTP/1.1 200") && !seen.toString().startsWith("HTTP/1.0 200")) {
            socket.close();
            throw new IOException("stream refused: " + seen.toString().lines().findFirst().orElse(""));
        }
        socket.setSoTimeout(0);
        return socket;
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

    private static int health(Api api) {
        try {
            return api.get("/actuator/health").send().status();
        } catch (IllegalStateException noAnswer) {
            return -1;
        }
    }

    private static long openFiles(long pid) throws IOException {
        try (var fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.count();
        }
    }

    /** The node's soft limit of open files, as {@code /proc/<pid>/limits} gives it. */
    private static String fileLimit(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "limits")).stream()
                .filter(l -> l.startsWith("Max open files")).map(l -> l.trim().split("\\s+")[3]).findFirst()
                .orElse("unknown");
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
