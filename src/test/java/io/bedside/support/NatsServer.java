package io.bedside.support;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A {@code nats-server} of the test's own on a free port (never the machine's shared one on 4222),
 * which the test may kill (SIGKILL) and start again on the same port.
 */
public final class NatsServer implements AutoCloseable {

    private static final String BINARY = "/usr/sbin/nats-server";

    private final int port;
    private final Path dir;
    private Process process;

    private NatsServer(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    public static NatsServer start(Path dir) {
        NatsServer server = new NatsServer(Deployment.freePort(), dir);
        server.start();
        return server;
    }

    public String url() {
        return "nats://127.0.0.1:" + port;
    }

    public void start() {
        try {
            Files.createDirectories(dir);
            process = new ProcessBuilder(BINARY, "-a", "127.0.0.1", "-p", Integer.toString(port), "-js", "-sd",
                    dir.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("nats.log").toFile())).start();
            for (int i = 0; i < 200 && !reachable(port); i++) {
                Thread.sleep(100);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + BINARY + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!reachable(port)) {
            throw new IllegalStateException("nats-server did not listen on " + port + " within 20 s");
        }
    }

    /** SIGKILL: no goodbye to the clients, as when the broker's machine dies. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static boolean reachable(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
