package io.bedside.messaging.internal;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.messaging.ConversationId;
import io.bedside.messaging.ConversationStatus;
import io.bedside.messaging.ConversationUpdated;
import io.bedside.practice.CareTeam;
import io.bedside.shared.Actor;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.ConflictException;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.UserId;

/**
 * Staff move a conversation to another care team of the practice, and close a duplicate
 * conversation of the same patient into the one the team keeps. Both are audited, streamed to the
 * teams concerned and told to the patient in the thread, by Bedside, in the patient's language.
 *
 * <p>A merge does not move messages: each message's ciphertext is bound to its conversation and
 * its own id, sequence numbers are gap-free per conversation, and the audit trail, read receipts,
 * idempotency keys and search index all name the conversation a message was written in. Moving
 * them would rewrite the record a patient and an auditor rely on. Instead the duplicate is closed
 * with a link to the kept conversation (both threads say so), which is what a practice's chart
 * does with a duplicate encounter: nothing said is lost, and there is one place to go on.
 */
@Service
public class ConversationMoves {

    private final ConversationRows conversations;
    private final ConversationAccess access;
    private final ConversationReads reads;
    private final People people;
    private final SystemAccess system;
    private final AuditTrail audit;
    private final Reactions reactions;
    private final MessageSource texts;

    ConversationMoves(ConversationRows conversations, ConversationAccess access, ConversationReads reads,
            People people, SystemAccess system, AuditTrail audit, Reactions reactions, MessageSource texts) {
        this.conversations = conversations;
        this.access = access;
        this.reads = reads;
        this.people = people;
        this.system = system;
        this.audit = audit;
        this.reactions = reactions;
        this.texts = texts;
    }

    /**
     * Moves the conversation to {@code target}, a team of the caller's practice (another
     * practice's team is not found). The assignee stays only if they are on the new team. The old
     * team's open pages hear of the change (and drop it), the new team's inbox gets it live, and the
     * patient reads "moved to Team X" in the thread. Moving to the team it is on changes nothing.
     */
    @Transactional
    public ConversationDetails move(Actor actor, ConversationId id, CareTeamId target) {
        actor.requireStaff();
        if (target == null) {
            throw new InvalidRequestException("careTeamId", "Say which care team to move it to.");
        }
        ConversationRow row = access.visibleForUpdate(actor, id, "conversation.moved");
        CareTeam team = people.team(actor.practiceId(), target)
                .orElseThrow(() -> new NotFoundException("No such care team."));
        if (team.id().equals(row.careTeamId())) {
            return reads.get(actor, id);
        }
        UserId assignee = row.assigneeId() != null && team.hasMember(row.assigneeId()) ? row.assigneeId() : null;
        conversations.moveTo(id, team.id());
        if (assignee == null && row.assigneeId() != null) {
            conversations.triage(id, row.status(), row.priority(), null);
        }
        audit.record(AuditRecord.allowed(actor, row.patientId(), "conversation.moved", "conversation", id));
        // The old team's streams first (their pages drop it), then the new team's (their inbox gains it).
        reactions.updated(new ConversationUpdated(actor.practiceId(), id, row.patientId(), row.careTeamId(),
                row.status(), row.priority(), assignee));
        reactions.updated(new ConversationUpdated(actor.practiceId(), id, row.patientId(), team.id(),
                row.status(), row.priority(), assignee));
        Locale locale = people.patientLocale(actor.practiceId(), row.patientId());
        system.postSystemMessage(actor.practiceId(), id,
                texts.getMessage("system.conversation.moved", new Object[] {team.name()}, locale),
                "conversation.moved");
        return reads.get(actor, id);
    }

    /**
     * Closes {@code duplicate} into {@code kept}: both of the same patient and of the caller's
     * practice (otherwise not found), not the same conversation (400), of the same patient (409),
     * neither already closed into another (409). The duplicate is closed and links to the kept
     * one; both threads say so.
     */
    @Transactional
    public ConversationDetails merge(Actor actor, ConversationId duplicate, ConversationId kept) {
        actor.requireStaff();
        if (kept == null) {
            throw new InvalidRequestException("intoId", "Say which conversation to keep.");
        }
        if (kept.equals(duplicate)) {
            throw new InvalidRequestException("intoId", "A conversation cannot be merged into itself.");
        }
        // Both rows locked, always in the same order, so two merges of the same pair cannot deadlock.
        boolean duplicateFirst = duplicate.value().compareTo(kept.value()) < 0;
        ConversationRow first = access.visibleForUpdate(actor, duplicateFirst ? duplicate : kept, "conversation.merged");
        ConversationRow second = access.visibleForUpdate(actor, duplicateFirst ? kept : duplicate, "conversation.merged");
        ConversationRow dup = duplicateFirst ? first : second;
        ConversationRow keep = duplicateFirst ? second : first;
        if (!dup.patientId().equals(keep.patientId())) {
            throw new ConflictException("Only conversations of the same patient can be merged.");
        }
        if (dup.mergedInto() != null) {
            throw new ConflictException("This conversation is already closed as a duplicate.");
        }
        if (keep.mergedInto() != null) {
            throw new ConflictException("The conversation to keep is itself closed as a duplicate; keep the one it links to.");
        }
        conversations.mergeInto(duplicate, kept);
        audit.recordAll(List.of(
                AuditRecord.allowed(actor, dup.patientId(), "conversation.merged", "conversation", duplicate),
                AuditRecord.allowed(actor, keep.patientId(), "conversation.merged", "conversation", kept)));
        reactions.updated(new ConversationUpdated(actor.practiceId(), duplicate, dup.patientId(), dup.careTeamId(),
                ConversationStatus.CLOSED, dup.priority(), dup.assigneeId()));
        Locale locale = people.patientLocale(actor.practiceId(), dup.patientId());
        system.postSystemMessage(actor.practiceId(), duplicate,
                texts.getMessage("system.conversation.mergedDuplicate", null, locale), "conversation.merged");
        system.postSystemMessage(actor.practiceId(), kept,
                texts.getMessage("system.conversation.mergedKept", null, locale), "conversation.merged");
        return reads.get(actor, duplicate);
    }
}
