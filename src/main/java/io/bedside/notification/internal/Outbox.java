package io.bedside.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.bedside.notification.Channel;
import io.bedside.notification.FailedNotice;
import io.bedside.notification.NotificationProperties;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/**
 * The outbox's work for the module's API ({@code NotificationDispatcher}, {@code FailedNotices}):
 * claiming due notices, handing each to the {@link Sender}, recording how it went, and the
 * notices that failed for good. The triggers write the outbox beside it, in the transaction of
 * what causes each notice.
 */
@Service
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final NotificationRows rows;
    private final Sender sender;
    private final NotificationProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final NotificationMeters meters;

    Outbox(NotificationRows rows, Sender sender, NotificationProperties properties, TransactionTemplate transaction,
            Clock clock, NotificationMeters meters) {
        this.meters = meters;
        this.rows = rows;
        this.sender = sender;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Claims and delivers every notice that is due now; returns how many were claimed. The claim
     * commits (TransactionTemplate) before the slow sending starts, so other nodes skip the claimed
     * rows; each outcome is then written on its own.
     */
    public int dispatchDue() {
        Instant now = Timestamps.now(clock);
        List<NotificationRows.Row> batch = transaction.execute(tx ->
                rows.claim(now, now.minus(properties.lease()), properties.batchSize()));
        for (NotificationRows.Row row : batch) {
            deliver(row);
        }
        return batch.size();
    }

    /** Delivers at once what is due to one person; each notice's state in words. The claim commits first, as above. */
    public List<String> deliverNow(PracticeId practice, UserId user) {
        Instant now = Timestamps.now(clock);
        List<NotificationRows.Row> batch = transaction.execute(tx -> rows.claimFor(practice, user, now));
        return batch.stream().map(row -> {
            deliver(row);
            return rows.state(row.id());
        }).toList();
    }

    /**
     * Queues the fixed answer to an inbound text ({@code inbound}: its id in {@code sms_inbound}),
     * due now; {@code user} is the account that texted, or {@link #NOBODY} for an unknown number.
     * Joins the caller's transaction, so the answer is queued exactly when the text is handled.
     */
    public void queueTextReply(PracticeId practice, UserId user, java.util.UUID inbound, Instant now) {
        rows.add(practice, user, NotificationRows.Kind.SMS_REPLY, inbound, null, now, now);
    }

    /** The user of a text answer to an unknown number: nobody. */
    public static final UserId NOBODY = UserId.of(new java.util.UUID(0, 0));

    /** How many of the practice's notices could not be delivered. */
    public long failedCount(PracticeId practice) {
        return rows.failedCount(practice);
    }

    /** The practice's notices that could not be delivered, newest first. */
    public List<FailedNotice> failed(PracticeId practice, int limit) {
        return rows.failed(practice, limit);
    }

    private void deliver(NotificationRows.Row row) {
        Instant now = Timestamps.now(clock);
        try {
            Sender.Outcome outcome = sender.send(row, now);
            switch (outcome.result()) {
                case SENT -> {
                    rows.sent(row.id(), outcome.detail(), now);
                    meters.sent(outcome.detail());
                }
                case SKIPPED -> rows.skipped(row.id(), outcome.detail(), now);
                case LATER -> rows.later(row.id(), outcome.when(), outcome.detail(), false);
                case FAILED -> {
                    rows.failed(row.id(), outcome.detail(), now);
                    meters.failed(outcome.channel(), true);
                }
            }
        } catch (RuntimeException e) {
            Channel channel = e instanceof ChannelFailure failure ? failure.channel() : null;
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            reason = reason.length() > 290 ? reason.substring(0, 290) : reason;
            if (row.attempts() >= properties.maxAttempts()) {
                log.warn("Notification {} failed for good after {} attempts: {}", row.id(), row.attempts(), reason);
                rows.failed(row.id(), reason, now);
                meters.failed(channel, true);
            } else {
                Duration wait = properties.firstRetry().multipliedBy(1L << Math.min(row.attempts() - 1, 10));
                wait = wait.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : wait;
                log.info("Notification {} attempt {} failed ({}); trying again in {}", row.id(), row.attempts(), reason, wait);
                rows.later(row.id(), now.plus(wait), reason, true);
                meters.failed(channel, false);
            }
        }
    }
}
