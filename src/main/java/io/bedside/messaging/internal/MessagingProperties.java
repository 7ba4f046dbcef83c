package io.bedside.messaging.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxBodyCharacters    longest message body accepted
 * @param maxSubjectCharacters longest subject accepted
 * @param idempotencyRetention how long a send's idempotency key is remembered (at least 24 h)
 */
@ConfigurationProperties("bedside.messaging")
public record MessagingProperties(
        @DefaultValue("20000") int maxBodyCharacters,
        @DefaultValue("200") int maxSubjectCharacters,
        @DefaultValue("48h") Duration idempotencyRetention) {
}
