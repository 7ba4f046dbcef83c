package io.bedside.workflow;

import java.time.Duration;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.shared.Actor;
import io.bedside.shared.ForbiddenException;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.PracticeId;

/**
 * How soon the care team answers a conversation flagged urgent: minutes of wall-clock time from the
 * flag, not business time (an emergency does not wait for Monday). Each practice sets its own;
 * Bedside's default is an hour.
 */
@Service
public class UrgentTarget {

    public static final int DEFAULT_MINUTES = 60;
    public static final int MIN_MINUTES = 5;
    public static final int MAX_MINUTES = 24 * 60;

    private final UrgentTargetRows rows;
    private final AuditTrail audit;

    UrgentTarget(UrgentTargetRows rows, AuditTrail audit) {
        this.rows = rows;
        this.audit = audit;
    }

    public int minutes(PracticeId practice) {
        return rows.minutes(practice).orElse(DEFAULT_MINUTES);
    }

    public Duration of(PracticeId practice) {
        return Duration.ofMinutes(minutes(practice));
    }

    /** Practice admins set it; from 5 minutes to a day. */
    @Transactional
    public void set(Actor actor, Integer minutes) {
        actor.requireStaff();
        if (!actor.isPracticeAdmin()) {
            throw new ForbiddenException("Only practice admins change the urgent answer target.");
        }
        if (minutes == null || minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
            throw new InvalidRequestException("urgentMinutes",
                    "Give the urgent answer target in minutes, from " + MIN_MINUTES + " to " + MAX_MINUTES + ".");
        }
        rows.set(actor.practiceId(), minutes);
        audit.record(AuditRecord.allowed(actor, null, "urgent_target.changed", "practice", actor.practiceId()));
    }
}
