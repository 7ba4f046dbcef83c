package io.bedside.live.internal;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

import io.bedside.live.LiveProperties;

@Configuration(proxyBeanMethods = false)
class LiveConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LiveConfiguration.class);

    @Bean
    LiveBroker liveBroker(LiveProperties properties, LocalStreams streams) throws Exception {
        return switch (properties.broker()) {
            case "inprocess" -> new InProcessBroker(streams);
            case "nats" -> new NatsBroker(streams, properties);
            default -> throw new IllegalStateException(
                    "bedside.live.broker must be 'inprocess' or 'nats', not '" + properties.broker() + "'");
        };
    }

    /** The broker's state on /actuator/health: DEGRADED (still 200) while NATS is away. */
    @Bean
    HealthIndicator liveBrokerHealthIndicator(LiveBroker broker) {
        return () -> (broker.healthy() ? Health.up() : Health.status(new Status("DEGRADED")))
                .withDetail("broker", broker.state()).build();
    }

    @Bean
    LivePurge livePurge(LiveEventRows eventLog, LiveProperties properties, Clock clock) {
        return new LivePurge(eventLog, properties, clock);
    }

    /** Forgets events older than the retention (7 days by default). */
    static class LivePurge {
        private final LiveEventRows eventLog;
        private final LiveProperties properties;
        private final Clock clock;

        LivePurge(LiveEventRows eventLog, LiveProperties properties, Clock clock) {
            this.eventLog = eventLog;
            this.properties = properties;
            this.clock = clock;
        }

        @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT2M")
        void purge() {
            int removed = eventLog.purgeOlderThan(clock.instant().minus(properties.retention()));
            if (removed > 0) {
                log.info("Live event log: removed {} events older than {}", removed, properties.retention());
            }
        }
    }
}
