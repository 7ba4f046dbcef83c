package io.bedside.messaging.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.messaging.ConversationId;
import io.bedside.messaging.ConversationStatus;
import io.bedside.messaging.ConversationUpdated;
import io.bedside.shared.Actor;
import io.bedside.shared.ConflictException;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.Timestamps;

/**
 * The care team's own follow-ups on a conversation: "snooze until" a day of the practice's
 * calendar, and "mark unread" for oneself. Staff only (a patient is answered 404, as on every
 * staff-only address); audited; a snooze is streamed like a triage change so every open inbox
 * moves the conversation to its "Snoozed" view.
 *
 * <p>A snooze runs until the start of the chosen day in the practice's time zone. Nothing wakes it:
 * the inbox's views compare the snooze with the clock (ConversationRows), so the conversation is
 * back in the open view the moment the day begins. The patient writing again clears it at once
 * (MessageSends), and closing the conversation clears it (Triage).
 */
@Service
public class FollowUps {

    /** The longest snooze: a follow-up further away belongs in a recall system, not the inbox. */
    public static final int MAX_DAYS = 365;

    private final ConversationRows conversations;
    private final ConversationAccess access;
    private final ConversationReads reads;
    private final People people;
    private final AuditTrail audit;
    private final Reactions reactions;
    private final Clock clock;

    FollowUps(ConversationRows conversations, ConversationAccess access, ConversationReads reads, People people,
            AuditTrail audit, Reactions reactions, Clock clock) {
        this.conversations = conversations;
        this.access = access;
        this.reads = reads;
        this.people = people;
        this.audit = audit;
        this.reactions = reactions;
        this.clock = clock;
    }

    /** Today in the practice's calendar. */
    public LocalDate today(Actor actor) {
        return LocalDate.ofInstant(clock.instant(), people.practiceZone(actor.practiceId()));
    }

    /** Snoozes for a number of days (1, 3, 7...): until the start of that day of the practice's calendar. */
    @Transactional
    public ConversationDetails snoozeFor(Actor actor, ConversationId id, int days) {
        actor.requireStaff();
        if (days < 1 || days > MAX_DAYS) {
            throw new InvalidRequestException("days", "Snooze for 1 to " + MAX_DAYS + " days.");
        }
        return snoozeUntil(actor, id, today(actor).plusDays(days));
    }

    /** Snoozes until the start of {@code day} in the practice's time zone; the day must be after today. */
    @Transactional
    public ConversationDetails snoozeUntil(Actor actor, ConversationId id, LocalDate day) {
        actor.requireStaff();
        if (day == null) {
            throw new InvalidRequestException("until", "Say until which day (YYYY-MM-DD) or for how many days.");
        }
        ConversationRow row = access.visibleForUpdate(actor, id, "conversation.snoozed");
        snooze(actor, row, day);
        return reads.get(actor, id);
    }

    /** Snoozes a row already loaded (and locked) for the caller; bulk actions call it once per conversation. */
    void snooze(Actor actor, ConversationRow row, LocalDate day) {
        ConversationId id = row.id();
        LocalDate today = today(actor);
        if (!day.isAfter(today) || day.isAfter(today.plusDays(MAX_DAYS))) {
            throw new InvalidRequestException("until", "Choose a day after today and within a year.");
        }
        if (row.status() == ConversationStatus.CLOSED) {
            throw new ConflictException("A closed conversation cannot be snoozed; reopen it first.");
        }
        ZoneId zone = people.practiceZone(actor.practiceId());
        Instant until = day.atStartOfDay(zone).toInstant();
        conversations.snooze(id, until, actor.userId());
        audit.record(AuditRecord.allowed(actor, row.patientId(), "conversation.snoozed", "conversation", id));
        streamed(row);
    }

    /** Wakes a snoozed conversation now. Waking one that is not snoozed changes nothing. */
    @Transactional
    public ConversationDetails wake(Actor actor, ConversationId id) {
        actor.requireStaff();
        ConversationRow row = access.visibleForUpdate(actor, id, "conversation.unsnoozed");
        if (row.snoozedUntil() != null) {
            conversations.clearSnooze(id);
            audit.record(AuditRecord.allowed(actor, row.patientId(), "conversation.unsnoozed", "conversation", id));
            streamed(row);
        }
        return reads.get(actor, id);
    }

    /**
     * The reader's own reminder: the conversation shows as unread in their inbox (its "Unread"
     * view and count) until they open it again. Nobody else's view changes, and the read receipts
     * the patient sees stay as they are.
     */
    @Transactional
    public void markUnread(Actor actor, ConversationId id) {
        actor.requireStaff();
        ConversationRow row = access.visible(actor, id, "conversation.marked-unread");
        conversations.markUnread(actor.practiceId(), id, actor.userId(), Timestamps.now(clock));
        audit.record(AuditRecord.allowed(actor, row.patientId(), "conversation.marked-unread", "conversation", id));
    }

    private void streamed(ConversationRow row) {
        reactions.updated(new ConversationUpdated(row.practiceId(), row.id(), row.patientId(), row.careTeamId(),
                row.status(), row.priority(), row.assigneeId()));
    }
}
