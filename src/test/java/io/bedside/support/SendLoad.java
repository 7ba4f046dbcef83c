package io.bedside.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Senders that post messages with an Idempotency-Key in a loop until stopped, each send recorded
 * with its answer and how long the answer took, so a fault test can judge every send after the fact.
 */
public final class SendLoad implements AutoCloseable {

    /** One sender's target: which node, as whom, into which conversation. */
    public record Target(Api api, String token, String conversation) {
    }

    /** One send: its key (also its body), when it started and ended (nanoTime), and the answer (null: none). */
    public record Send(String key, Target target, long startedNanos, long endedNanos, Api.Response answer,
            String error) {

        public boolean acknowledged() {
            return answer != null && answer.status() / 100 == 2;
        }

        public Duration took() {
            return Duration.ofNanos(endedNanos - startedNanos);
        }

        public String messageId() {
            return answer.json().get("id").asString();
        }

        @Override
        public String toString() {
            return key + " took " + took().toMillis() + " ms: " + (answer != null ? answer : error);
        }
    }

    private final List<Thread> senders = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ConcurrentLinkedQueue<Send> sends = new ConcurrentLinkedQueue<>();

    private SendLoad(List<Target> targets, Duration pause) {
        for (Target target : targets) {
            Thread sender = new Thread(() -> {
                while (running.get()) {
                    sends.add(send(target, "load-" + UUID.randomUUID()));
                    sleep(pause);
                }
            }, "send-load");
            sender.setDaemon(true);
            senders.add(sender);
        }
    }

    /** Starts one sender per target, each pausing {@code pause} between its sends. */
    public static SendLoad start(List<Target> targets, Duration pause) {
        SendLoad load = new SendLoad(targets, pause);
        load.senders.forEach(Thread::start);
        return load;
    }

    /** Sends the message whose body is its key, once; the same key gives the same request. */
    public static Send send(Target target, String key) {
        long started = System.nanoTime();
        try {
            Api.Response answer = target.api().post("/api/v1/conversations/" + target.conversation() + "/messages")
                    .token(target.token()).header("Idempotency-Key", key).json(Map.of("body", key)).send();
            return new Send(key, target, started, System.nanoTime(), answer, null);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return new Send(key, target, started, System.nanoTime(), null, cause.toString());
        }
    }

    /** Stops the senders and waits for their sends in progress to end. */
    public List<Send> stop() {
        running.set(false);
        for (Thread sender : senders) {
            try {
                sender.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return List.copyOf(sends);
    }

    public List<Send> sendsSoFar() {
        return List.copyOf(sends);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running.set(false);
    }
}
