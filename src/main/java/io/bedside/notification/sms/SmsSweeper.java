package io.bedside.notification.sms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.bedside.shared.Timestamps;

/**
 * Keeps the SMS tables small and forgetful: handled inbound texts go after the retention (by then
 * no gateway redelivers one, so its id need not refuse a duplicate any longer; their content is
 * long erased or was never kept), and strangers' numbers, kept as keyed hashes to answer them once a
 * day, after that day. Any node may run it: the deletes are idempotent.
 */
@Component
public class SmsSweeper {

    private static final Logger log = LoggerFactory.getLogger(SmsSweeper.class);

    private final InboundTextRows inbound;
    private final TextConsent consent;
    private final Duration retention;
    private final Clock clock;

    SmsSweeper(InboundTextRows inbound, TextConsent consent,
            @Value("${bedside.sms.inbound-retention:30d}") Duration retention, Clock clock) {
        this.inbound = inbound;
        this.consent = consent;
        this.retention = retention;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${bedside.sms.sweep-interval:1h}", initialDelayString = "${bedside.sms.sweep-interval:1h}")
    void scheduled() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("Sweeping the SMS tables failed; it runs again later: {}", e.getClass().getName());
        }
    }

    /** Deletes what is past keeping; returns how many rows went. */
    public int sweep() {
        Instant now = Timestamps.now(clock);
        return inbound.deleteHandledBefore(now.minus(retention)) + consent.forgetStrangerAnswers();
    }
}
