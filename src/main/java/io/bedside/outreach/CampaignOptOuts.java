package io.bedside.outreach;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.messaging.ConversationId;
import io.bedside.patient.Patients;
import io.bedside.shared.Actor;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.Timestamps;

/**
 * Each patient's say over campaign messages: saying no stops campaigns only (the care team's
 * answers keep coming), and is counted on the funnel of the campaign it came from.
 */
@Service
public class CampaignOptOuts {

    /** An opt-out from the settings page counts against the latest campaign message of this long ago. */
    static final Duration OPT_OUT_ATTRIBUTION = Duration.ofDays(30);

    private final CampaignRows rows;
    private final Patients patients;
    private final AuditTrail audit;
    private final Clock clock;

    CampaignOptOuts(CampaignRows rows, Patients patients, AuditTrail audit, Clock clock) {
        this.rows = rows;
        this.patients = patients;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether the signed-in patient said no to campaign messages. */
    public boolean optedOut(Actor actor) {
        requirePatient(actor);
        return patients.optedOutOfCampaigns(actor.practiceId(), actor.patientId());
    }

    /**
     * The patient's choice from their settings. Saying no is counted against the latest campaign
     * that wrote to them (within 30 days), for that campaign's funnel.
     */
    @Transactional
    public void setOptedOut(Actor actor, boolean optedOut) {
        requirePatient(actor);
        boolean before = patients.optedOutOfCampaigns(actor.practiceId(), actor.patientId());
        patients.setOptedOutOfCampaigns(actor.practiceId(), actor.patientId(), optedOut);
        if (optedOut && !before) {
            Instant now = Timestamps.now(clock);
            rows.markOptedOut(actor.practiceId(), actor.patientId(), null, now.minus(OPT_OUT_ATTRIBUTION), now);
        }
        audit.record(AuditRecord.allowed(actor, actor.patientId(), optedOut ? "campaigns.opted-out"
                : "campaigns.opted-in", "patient", actor.patientId()));
    }

    /** The patient says no to campaigns from one campaign's message; 404 unless it is one to them. */
    @Transactional
    public void optOutFrom(Actor actor, ConversationId conversation) {
        requirePatient(actor);
        if (!rows.isCampaignConversation(actor.practiceId(), actor.patientId(), conversation)) {
            throw new NotFoundException("No such campaign message.");
        }
        Instant now = Timestamps.now(clock);
        patients.setOptedOutOfCampaigns(actor.practiceId(), actor.patientId(), true);
        rows.markOptedOut(actor.practiceId(), actor.patientId(), conversation, now, now);
        audit.record(AuditRecord.allowed(actor, actor.patientId(), "campaigns.opted-out", "conversation",
                conversation));
    }

    private static void requirePatient(Actor actor) {
        if (!actor.isPatient()) {
            throw new NotFoundException("Not found.");
        }
    }
}
