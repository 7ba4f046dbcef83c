package io.bedside.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import io.bedside.notification.Channel;
import io.bedside.shared.PolledReading;
import io.bedside.shared.Timestamps;

/**
 * The operators' figures for the notification outbox (docs/operations.md, "Metrics"): notices
 * sent and failed by channel, and the backlog of notices due but not yet sent. Labels are the
 * channel and the outcome only; never a practice, a person or an address.
 */
@Component
class NotificationMeters {

    /** How long one reading of the backlog serves every scrape: a count over the ready index, not free. */
    static final Duration BACKLOG_MAX_AGE = Duration.ofSeconds(5);

    private final MeterRegistry meters;

    NotificationMeters(NotificationRows rows, Clock clock, MeterRegistry meters) {
        this.meters = meters;
        // Registered up front, so that rate() and increase() have a series before the first failure.
        for (String channel : new String[] {"email", "sms", "push", "unknown"}) {
            if (!channel.equals("unknown")) {
                sentCounter(channel);
            }
            failureCounter(channel, true);
            failureCounter(channel, false);
        }
        PolledReading<NotificationRows.Backlog> backlog = new PolledReading<>(BACKLOG_MAX_AGE,
                () -> rows.backlog(Timestamps.now(clock)));
        Gauge.builder("bedside.notifications.queue.depth", backlog,
                        b -> b.get() == null ? Double.NaN : b.get().due())
                .description("Notices due and not yet sent, in every practice (read at most every 5 s)")
                .register(meters);
        Gauge.builder("bedside.notifications.queue.oldest", backlog, b -> {
                    NotificationRows.Backlog reading = b.get();
                    if (reading == null) {
                        return Double.NaN;
                    }
                    Instant oldest = reading.oldestDueAt();
                    return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
                })
                .description("Seconds since the oldest notice still waiting fell due (0 when none waits)")
                .baseUnit("seconds")
                .register(meters);
    }

    private Counter sentCounter(String channel) {
        return Counter.builder("bedside.notifications.sent").description("Notices handed to a channel")
                .tag("channel", channel).register(meters);
    }

    private Counter failureCounter(String channel, boolean finalFailure) {
        return Counter.builder("bedside.notifications.failures")
                .description("Failed deliveries: retrying (tried again later) or failed (given up, shown to the practice's admins)")
                .tag("channel", channel).tag("outcome", finalFailure ? "failed" : "retrying").register(meters);
    }

    /** A notice went out; {@code channel} as the sender named it ("email", "sms"). */
    void sent(String channel) {
        sentCounter(known(channel)).increment();
    }

    /** A delivery failed; {@code channel} null when the failure came before a channel was chosen. */
    void failed(Channel channel, boolean finalFailure) {
        failureCounter(channel == null ? "unknown" : known(channel.code()), finalFailure).increment();
    }

    /** Only the fixed words reach a label, whatever a caller passes. */
    private static String known(String channel) {
        String code = channel == null ? "" : channel.toLowerCase(Locale.ROOT);
        return code.equals("email") || code.equals("sms") || code.equals("push") ? code : "unknown";
    }
}
