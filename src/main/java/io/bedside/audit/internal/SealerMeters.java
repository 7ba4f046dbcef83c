package io.bedside.audit.internal;

import java.time.Clock;
import java.time.Duration;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import io.bedside.shared.PolledReading;

/**
 * The operators' figures for the audit sealer (docs/operations.md, "Metrics"): how many audit rows
 * wait to be chained, and how long the oldest has waited. The sealer runs every 500 ms on every
 * node; a lag that grows past a minute means sealing has stopped (or cannot keep up), and rows
 * written meanwhile are not yet protected by the chain. Summed over practices: no practice label.
 */
@Component
class SealerMeters {

    SealerMeters(ChainRows rows, Clock clock, MeterRegistry meters) {
        PolledReading<ChainRows.Unsealed> unsealed = new PolledReading<>(Duration.ofSeconds(5), rows::unsealed);
        Gauge.builder("bedside.audit.sealer.pending", unsealed, u -> u.get() == null ? Double.NaN : u.get().rows())
                .description("Audit rows written and not yet chained (read at most every 5 s)")
                .register(meters);
        Gauge.builder("bedside.audit.sealer.lag", unsealed, u -> {
                    ChainRows.Unsealed reading = u.get();
                    if (reading == null) {
                        return Double.NaN;
                    }
                    return reading.oldest() == null ? 0
                            : Math.max(0, Duration.between(reading.oldest(), clock.instant()).toMillis() / 1000.0);
                })
                .description("Seconds the oldest unsealed audit row has waited to be chained (0 when none waits)")
                .baseUnit("seconds")
                .register(meters);
    }
}
