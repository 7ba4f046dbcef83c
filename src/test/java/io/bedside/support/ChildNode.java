package io.bedside.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Bedside node in a process of its own ({@code java -cp <the test classpath> io.bedside.BedsideApplication}),
 * so that a test can end it as an operating system would: {@code kill -9}, no shutdown hook, no
 * transaction committed on the way out. Its output goes to a file next to it.
 */
public final class ChildNode implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final Api api;

    private ChildNode(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.api = new Api("http://127.0.0.1:" + port);
    }

    /** How a node that was expected to stop by itself ended, and everything it printed. */
    public record Exit(int code, String output) {
    }

    /** Starts a node with these {@code --name=value} arguments and waits until it answers ready. */
    public static ChildNode start(Path dir, String name, List<String> args) {
        int port = Deployment.freePort();
        Path log = dir.resolve(name + ".log");
        ChildNode node = new ChildNode(launch(log, port, args), log, port);
        node.awaitReady(Duration.ofMinutes(3));
        return node;
    }

    /** Starts a node that should refuse to start, and waits for it to end. */
    public static Exit startExpectingExit(Path dir, String name, List<String> args) {
        Path log = dir.resolve(name + ".log");
        ChildNode node = new ChildNode(launch(log, Deployment.freePort(), args), log, 0);
        try (node) {
            if (!node.process.waitFor(3, TimeUnit.MINUTES)) {
                throw new AssertionError("the node did not stop by itself within 3 minutes; log:\n" + node.tail());
            }
            return new Exit(node.process.exitValue(), Files.readString(log));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Process launch(Path log, int port, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "io.bedside.BedsideApplication", "--server.port=" + port));
        command.addAll(args);
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            // The child is a node as an operator starts it, not one in "demo unless told" test mode.
            builder.environment().remove("BEDSIDE_DEMO");
            return builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a child JVM: " + e.getMessage(), e);
        }
    }

    public Api api() {
        return api;
    }

    public long pid() {
        return process.pid();
    }

    /** {@code kill -9}: the node stops at once, mid-transaction, mid-SMTP-conversation. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("node " + process.pid() + " still alive 30 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("node exited with " + process.exitValue() + "; log:\n" + tail());
            }
            try {
                if (api.get("/actuator/health/readiness").send().status() == 200) {
                    return;
                }
            } catch (RuntimeException notListeningYet) {
                // Still starting.
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        kill();
        throw new IllegalStateException("node not ready within " + timeout + "; log:\n" + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
