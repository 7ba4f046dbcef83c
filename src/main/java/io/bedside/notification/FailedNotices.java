package io.bedside.notification;

import java.util.List;

import org.springframework.stereotype.Service;

import io.bedside.notification.internal.Outbox;
import io.bedside.shared.Actor;
import io.bedside.shared.ForbiddenException;

/** How many of a practice's notices could not be delivered, for its admins' overview. */
@Service
public class FailedNotices {

    private final Outbox outbox;

    FailedNotices(Outbox outbox) {
        this.outbox = outbox;
    }

    public long count(Actor actor) {
        requireAdmin(actor);
        return outbox.failedCount(actor.practiceId());
    }

    /** The newest notices that could not be delivered, for the admins' page. */
    public List<FailedNotice> latest(Actor actor, int limit) {
        requireAdmin(actor);
        return outbox.failed(actor.practiceId(), limit);
    }

    /** {@link Actor#requireAdmin()}, with this page's own words for the 403. */
    private static void requireAdmin(Actor actor) {
        actor.requireStaff();
        if (!actor.isPracticeAdmin()) {
            throw new ForbiddenException("Only practice admins can see this.");
        }
    }
}
