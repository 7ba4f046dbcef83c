package io.bedside.messaging.internal;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;


/** Forgets idempotency keys once they are older than the retention (48 h by default). */
@Component
class IdempotencySweeper {

    private static final Logger log = LoggerFactory.getLogger(IdempotencySweeper.class);

    private final IdempotencyKeyRows keys;
    private final MessagingProperties properties;
    private final Clock clock;

    IdempotencySweeper(IdempotencyKeyRows keys, MessagingProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void sweep() {
        int removed = keys.deleteOlderThan(clock.instant().minus(properties.idempotencyRetention()));
        if (removed > 0) {
            log.info("Forgot {} idempotency keys older than {}", removed, properties.idempotencyRetention());
        }
    }
}
