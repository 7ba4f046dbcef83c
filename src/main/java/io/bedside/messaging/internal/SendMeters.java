package io.bedside.messaging.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import io.bedside.shared.Actor;

/**
 * The operators' figures for sends (docs/operations.md, "Metrics"): how many messages are written,
 * by staff or by patients, and how long the send use case takes. Labels are fixed words only,
 * never a practice, a person or a conversation.
 */
@Component
class SendMeters {

    /** What a send wrote. */
    enum What {
        MESSAGE, NOTE, CONVERSATION;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How a send ended: written, a replay of its Idempotency-Key, refused (4xx), or failed. */
    enum Outcome {
        SENT, REPLAYED, REFUSED, FAILED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry meters;
    // Looked up here rather than in the registry on every send: the send path is the hot one.
    private final Map<Actor.Kind, Map<What, Counter>> sent = new EnumMap<>(Actor.Kind.class);
    private final Map<Actor.Kind, Map<Outcome, Timer>> timers = new EnumMap<>(Actor.Kind.class);

    SendMeters(MeterRegistry meters) {
        this.meters = meters;
        // Registered up front, so that rate() has a series to work on before the first send.
        for (Actor.Kind author : Actor.Kind.values()) {
            Map<What, Counter> counters = new EnumMap<>(What.class);
            for (What what : What.values()) {
                counters.put(what, counter(author, what));
            }
            sent.put(author, counters);
            Map<Outcome, Timer> byOutcome = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                byOutcome.put(outcome, timer(author, outcome));
            }
            timers.put(author, byOutcome);
        }
    }

    private Counter counter(Actor.Kind author, What what) {
        return Counter.builder("bedside.messages.sent")
                .description("Messages written: replies, internal notes and first messages of new conversations")
                .tag("author", author.name().toLowerCase(Locale.ROOT)).tag("what", what.tag())
                .register(meters);
    }

    private Timer timer(Actor.Kind author, Outcome outcome) {
        // Fixed buckets around the target (p99 <= 50 ms): a few series per label, enough for
        // histogram_quantile, instead of the ~70 of a full percentile histogram.
        return Timer.builder("bedside.messages.send")
                .description("The send use case, from the checked request to the committed message")
                .tag("author", author.name().toLowerCase(Locale.ROOT)).tag("outcome", outcome.tag())
                .serviceLevelObjectives(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
                        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
                        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500))
                .register(meters);
    }

    /**
     * Runs one send, timing it; {@code outcome} tells a written message from a replay. Exceptions
     * from {@code io.bedside.shared} are the caller's mistakes (4xx), anything else a failure.
     */
    <T> T timed(Actor actor, What what, Supplier<T> send, Function<T, Outcome> outcome) {
        long start = System.nanoTime();
        Outcome result = Outcome.FAILED;
        try {
            T value = send.get();
            result = outcome.apply(value);
            if (result == Outcome.SENT) {
                sent.get(actor.kind()).get(what).increment();
            }
            return value;
        } catch (RuntimeException e) {
            result = e.getClass().getPackageName().equals("io.bedside.shared") ? Outcome.REFUSED : Outcome.FAILED;
            throw e;
        } finally {
            timers.get(actor.kind()).get(result).record(Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
