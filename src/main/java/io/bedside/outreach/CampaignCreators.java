package io.bedside.outreach;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.practice.StaffDirectory;
import io.bedside.practice.StaffMember;
import io.bedside.shared.Actor;
import io.bedside.shared.ForbiddenException;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.StaffRole;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/**
 * Who may create and stop campaigns: practice admins, and the members of staff an admin allows
 * (table {@code campaign_sender}). Only admins choose.
 */
@Service
public class CampaignCreators {

    private final CampaignRows rows;
    private final StaffDirectory staff;
    private final AuditTrail audit;
    private final Clock clock;

    CampaignCreators(CampaignRows rows, StaffDirectory staff, AuditTrail audit, Clock clock) {
        this.rows = rows;
        this.staff = staff;
        this.audit = audit;
        this.clock = clock;
    }

    /** Practice admins, and the staff members an admin allowed. */
    public boolean mayCreate(Actor actor) {
        return actor.isStaff() && (actor.isPracticeAdmin() || rows.isSender(actor.practiceId(), actor.userId()));
    }

    /** Refuses a patient (not found) and staff who may not send campaigns (403). */
    public void requireCreator(Actor actor) {
        actor.requireStaff();
        if (!mayCreate(actor)) {
            throw new ForbiddenException("Only practice admins, and staff they allow, send campaigns.");
        }
    }

    /** A member of staff of the practice and whether they may send campaigns. */
    public record Sender(StaffMember member, boolean admin, boolean allowed) {
    }

    public List<Sender> senders(Actor actor) {
        requireAdmin(actor);
        Set<UserId> allowed = rows.senders(actor.practiceId());
        return staff.all(actor.practiceId()).stream().filter(StaffMember::active)
                .map(m -> new Sender(m, m.role() == StaffRole.PRACTICE_ADMIN, allowed.contains(m.id())))
                .toList();
    }

    @Transactional
    public void setSender(Actor actor, UserId member, boolean allowed) {
        requireAdmin(actor);
        staff.find(actor.practiceId(), member).orElseThrow(() -> new NotFoundException("No such member of staff."));
        if (allowed) {
            rows.allow(actor.practiceId(), member, actor.userId(), Timestamps.now(clock));
        } else {
            rows.disallow(actor.practiceId(), member);
        }
        audit.record(AuditRecord.allowed(actor, null, allowed ? "campaign-sender.allowed"
                : "campaign-sender.disallowed", "staff", member));
    }

    /** {@link Actor#requireAdmin()}, with this page's own words for the 403. */
    private static void requireAdmin(Actor actor) {
        actor.requireStaff();
        if (!actor.isPracticeAdmin()) {
            throw new ForbiddenException("Only practice admins choose who sends campaigns.");
        }
    }
}
