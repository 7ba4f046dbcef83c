package io.bedside.live.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.bedside.identity.HeldSignIns;
import io.bedside.live.LiveProperties;
import io.bedside.shared.UserId;

/** A stream being opened while an event is fanned out. */
class StreamOpeningTests {

    private static final UUID USER = UUID.randomUUID();

    /**
     * The event log as it is when an event lands between the stream's first look at it (up to 5) and
     * the stream joining the streams a delivery goes to: the delivery of event 6 found no stream.
     */
    static class LogGrowingWhileOpening extends LiveEventRows {
        private int asked;

        LogGrowingWhileOpening() {
            super(null, null, Clock.systemUTC());
        }

        @Override
        long latest(UUID user) {
            return asked++ == 0 ? 5 : 6;
        }

        @Override
        List<LiveEvent> after(UUID user, long afterId, int limit) {
            return afterId < 6 ? List.of(new LiveEvent(user, 6, "message.created", "{}"))
                    : List.of();
        }

        @Override
        OptionalLong oldestRetained(UUID user) {
            return OptionalLong.of(1);
        }
    }

    static class Recorded implements StreamConnection {
        final List<String> frames = new CopyOnWriteArrayList<>();

        @Override
        public void send(String frame) {
            frames.add(frame);
        }

        @Override
        public void close() {
        }

        @Override
        public void onEnd(Runnable whenEnded) {
        }
    }

    @Test
    void anEventAppendedWhileTheStreamOpensStillReachesIt() throws Exception {
        LiveProperties properties = new LiveProperties("inprocess", new LiveProperties.Nats("nats://127.0.0.1:4222", "x"),
                Duration.ofDays(7), Duration.ofSeconds(15), Duration.ofHours(1), 5, 1, Duration.ofSeconds(1),
                Duration.ofMillis(5));
        LocalStreams streams = new LocalStreams(new LogGrowingWhileOpening(), properties, new SimpleMeterRegistry(),
                Clock.systemUTC(), null);
        Recorded connection = new Recorded();

        streams.open(new HeldSignIns.Held(new UserId(USER), UUID.randomUUID(), null, null), null, () -> connection);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (connection.frames.stream().noneMatch(f -> f.startsWith("id:6\n")) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(connection.frames).anyMatch(f -> f.startsWith("id:6\n"));
    }
}
