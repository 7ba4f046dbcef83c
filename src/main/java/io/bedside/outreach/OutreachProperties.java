package io.bedside.outreach;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How fast campaigns go out, per node: at most {@code rate} messages a second, taken in
 * transactions of at most {@code batchSize} patients, looked at every {@code tick}.
 */
@ConfigurationProperties("bedside.outreach")
public record OutreachProperties(Duration tick, Integer rate, Integer batchSize) {

    public OutreachProperties {
        tick = tick == null ? Duration.ofSeconds(1) : tick;
        rate = rate == null ? 20 : rate;
        batchSize = batchSize == null ? 25 : batchSize;
        if (rate < 1 || batchSize < 1) {
            throw new IllegalArgumentException("bedside.outreach.rate and batch-size must be at least 1");
        }
    }
}
