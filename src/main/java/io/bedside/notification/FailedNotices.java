package io.bedside.notification;

import org.springframework.stereotype.Service;

import io.bedside.notification.internal.Outbox;
import io.bedside.shared.Actor;
import io.bedside.shared.ForbiddenException;
import io.bedside.shared.NotFoundException;

/** How many of a practice's notices could not be delivered, for its admins' overview. */
@Service
public class FailedNotices {

    private final Outbox outbox;

    FailedNotices(Outbox outbox) {
        this.outbox = outbox;
    }

    public long count(Actor actor) {
        if (!actor.isStaff()) {
            throw new NotFoundException();
        }
        if (!actor.isPracticeAdmin()) {
            throw new ForbiddenException("Only practice admins can see this.");
        }
        return outbox.failedCount(actor.practiceId());
    }
}
