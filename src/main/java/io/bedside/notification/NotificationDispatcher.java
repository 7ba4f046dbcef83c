package io.bedside.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.bedside.notification.internal.Outbox;
import io.bedside.notification.internal.Sender;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/**
 * Delivers what the outbox holds: claims due notices ({@code FOR UPDATE SKIP LOCKED}, so several
 * nodes share the work), checks each is still wanted, and hands it to email or SMS. At least once:
 * a dispatcher that dies between claim and send leaves its rows claimed, and after the lease any
 * dispatcher takes them again; the notice's id travels as its key. Failures are retried with
 * back-off and, after {@code maxAttempts}, marked failed for the practice's admins.
 */
@Service
public class NotificationDispatcher {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

    private final Outbox outbox;
    private final Sender sender;
    private final NotificationProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    NotificationDispatcher(Outbox outbox, Sender sender, NotificationProperties properties,
            TransactionTemplate transaction, Clock clock) {
        this.outbox = outbox;
        this.sender = sender;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${bedside.notification.dispatch-interval:2s}",
            initialDelayString = "${bedside.notification.dispatch-interval:2s}")
    void scheduled() {
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            log.error("Notification dispatch failed; it runs again shortly", e);
        }
    }

    /** Claims and delivers every notice that is due now; returns how many were claimed. */
    public int dispatchDue() {
        Instant now = Timestamps.now(clock);
        List<Outbox.Row> batch = transaction.execute(tx ->
                outbox.claim(now, now.minus(properties.lease()), properties.batchSize()));
        for (Outbox.Row row : batch) {
            deliver(row);
        }
        return batch.size();
    }

    /**
     * Delivers at once what is due to one person (the setup command's invitation, before the
     * command exits) and says how each went: {@code sent}, or its state and the reason (a notice
     * not sent stays in the outbox, and the nodes retry it as any other).
     */
    public List<String> deliverNow(PracticeId practice, UserId user) {
        Instant now = Timestamps.now(clock);
        List<Outbox.Row> batch = transaction.execute(tx -> outbox.claimFor(practice, user, now));
        return batch.stream().map(row -> {
            deliver(row);
            return outbox.state(row.id());
        }).toList();
    }

    private void deliver(Outbox.Row row) {
        Instant now = Timestamps.now(clock);
        try {
            Sender.Outcome outcome = sender.send(row, now);
            switch (outcome.result()) {
                case SENT -> outbox.sent(row.id(), outcome.detail(), now);
                case SKIPPED -> outbox.skipped(row.id(), outcome.detail(), now);
                case LATER -> outbox.later(row.id(), outcome.when(), outcome.detail(), false);
                case FAILED -> outbox.failed(row.id(), outcome.detail(), now);
            }
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            reason = reason.length() > 290 ? reason.substring(0, 290) : reason;
            if (row.attempts() >= properties.maxAttempts()) {
                log.warn("Notification {} failed for good after {} attempts: {}", row.id(), row.attempts(), reason);
                outbox.failed(row.id(), reason, now);
            } else {
                Duration wait = properties.firstRetry().multipliedBy(1L << Math.min(row.attempts() - 1, 10));
                wait = wait.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : wait;
                log.info("Notification {} attempt {} failed ({}); trying again in {}", row.id(), row.attempts(), reason, wait);
                outbox.later(row.id(), now.plus(wait), reason, true);
            }
        }
    }
}
