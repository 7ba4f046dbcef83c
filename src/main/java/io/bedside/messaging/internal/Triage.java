package io.bedside.messaging.internal;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.identity.Coverage;
import io.bedside.messaging.ConversationId;
import io.bedside.messaging.ConversationStatus;
import io.bedside.messaging.ConversationUpdated;
import io.bedside.messaging.Priority;
import io.bedside.practice.StaffMember;
import io.bedside.shared.Actor;
import io.bedside.shared.ForbiddenException;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.UserId;

/**
 * Staff set a conversation's status, priority or assignee. The change is audited and every
 * participant's stream learns of it. Patients may not (403); the assignee must be active staff
 * of the practice. A new assignee who is out of office is replaced by the colleague covering for
 * them ({@link Coverage#routedTo}).
 */
@Service
public class Triage {

    private final ConversationRows conversations;
    private final ConversationAccess access;
    private final ConversationReads reads;
    private final People people;
    private final AuditTrail audit;
    private final Reactions reactions;
    private final Coverage coverage;

    Triage(ConversationRows conversations, ConversationAccess access, ConversationReads reads, People people,
            AuditTrail audit, Reactions reactions, Coverage coverage) {
        this.coverage = coverage;
        this.conversations = conversations;
        this.access = access;
        this.reads = reads;
        this.people = people;
        this.audit = audit;
        this.reactions = reactions;
    }

    @Transactional
    public ConversationDetails update(Actor actor, ConversationId id, ConversationChange change) {
        if (change.isEmpty()) {
            throw new InvalidRequestException("status",
                    "Say what to change: status, priority, assigneeId or confidential.");
        }
        ConversationRow row = access.visibleForUpdate(actor, id, "conversation.updated");
        if (actor.isPatient() && change.onlyConfidentiality()
                && actor.actingFor(row.patientId()).filter(f -> f.isSelf()).isPresent()) {
            // The patient themselves shares a private question with their family, or makes one private.
            return changeConfidentiality(actor, row, change.confidential());
        }
        if (!actor.isStaff()) {
            audit.record(new AuditRecord(actor.practiceId(), actor, row.patientId(), "conversation.updated",
                    "conversation", id.toString(), false));
            throw new ForbiddenException(
                    "Only the care team can change a conversation's status, priority or assignee.");
        }
        apply(actor, row, change);
        return reads.get(actor, id);
    }

    /**
     * Applies a staff member's change to a row already loaded (and locked) for them: the assignee
     * checked, the change stored, audited and streamed. Bulk actions call it once per conversation.
     */
    void apply(Actor actor, ConversationRow row, ConversationChange change) {
        ConversationId id = row.id();
        if (change.assigneeId() != null && people.staff(actor.practiceId(), List.of(change.assigneeId())).values()
                .stream().noneMatch(StaffMember::active)) {
            throw new InvalidRequestException("assigneeId", "The assignee must be a member of staff of this practice.");
        }
        // A new assignment to someone out of office goes to the colleague covering for them; keeping
        // the assignee as it is (a status or priority change) moves nothing.
        UserId assignee = change.unassign() ? null
                : change.assigneeId() != null && !change.assigneeId().equals(row.assigneeId())
                        ? coverage.routedTo(actor.practiceId(), change.assigneeId())
                        : row.assigneeId();
        ConversationStatus status = change.status() != null ? change.status() : row.status();
        Priority priority = change.priority() != null ? change.priority() : row.priority();
        conversations.triage(id, status, priority, assignee);
        if (status == ConversationStatus.CLOSED && row.snoozedUntil() != null) {
            // A closed conversation needs nobody's attention; a snooze would outlive it.
            conversations.clearSnooze(id);
        }
        if (change.confidential() != null && change.confidential() != row.confidential()) {
            conversations.setConfidential(id, change.confidential());
            audit.record(AuditRecord.allowed(actor, row.patientId(),
                    change.confidential() ? "conversation.made-confidential" : "conversation.shared", "conversation", id));
        }
        audit.record(AuditRecord.allowed(actor, row.patientId(), "conversation.updated", "conversation", id));
        reactions.updated(new ConversationUpdated(actor.practiceId(), id, row.patientId(), row.careTeamId(),
                status, priority, assignee));
    }

    private ConversationDetails changeConfidentiality(Actor actor, ConversationRow row, boolean confidential) {
        if (confidential != row.confidential()) {
            conversations.setConfidential(row.id(), confidential);
            audit.record(AuditRecord.allowed(actor, row.patientId(),
                    confidential ? "conversation.made-confidential" : "conversation.shared", "conversation", row.id()));
            reactions.updated(new ConversationUpdated(actor.practiceId(), row.id(), row.patientId(), row.careTeamId(),
                    row.status(), row.priority(), row.assigneeId()));
        }
        return reads.get(actor, row.id());
    }
}
