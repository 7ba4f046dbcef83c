package io.bedside.notification;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import io.bedside.notification.internal.Outbox;
import io.bedside.shared.PracticeId;
import io.bedside.shared.UserId;

/**
 * Delivers what the outbox holds: claims due notices ({@code FOR UPDATE SKIP LOCKED}, so several
 * nodes share the work), checks each is still wanted, and hands it to email or SMS. At least once:
 * a dispatcher that dies between claim and send leaves its rows claimed, and after the lease any
 * dispatcher takes them again; the notice's id travels as its key. Failures are retried with
 * back-off and, after {@code maxAttempts}, marked failed for the practice's admins. The work is
 * the {@link Outbox}'s, beside the outbox table.
 */
@Service
public class NotificationDispatcher {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

    private final Outbox outbox;

    NotificationDispatcher(Outbox outbox) {
        this.outbox = outbox;
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
        return outbox.dispatchDue();
    }

    /**
     * Delivers at once what is due to one person (the setup command's invitation, before the
     * command exits) and says how each went: {@code sent}, or its state and the reason (a notice
     * not sent stays in the outbox, and the nodes retry it as any other).
     */
    public List<String> deliverNow(PracticeId practice, UserId user) {
        return outbox.deliverNow(practice, user);
    }
}
