package io.bedside.messaging.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.messaging.ConversationId;
import io.bedside.shared.Actor;
import io.bedside.shared.NotFoundException;

/**
 * The one place that loads a conversation for a caller. A patient reaches only their own
 * conversations, staff only their practice's; anything else is answered exactly like a missing id,
 * and the refused attempt is audited.
 */
@Component
class ConversationAccess {

    private final ConversationRows conversations;
    private final AuditTrail audit;

    ConversationAccess(ConversationRows conversations, AuditTrail audit) {
        this.conversations = conversations;
        this.audit = audit;
    }

    public ConversationRow visible(Actor actor, ConversationId id, String action) {
        return check(actor, id, action, conversations.find(actor.practiceId(), id));
    }

    /** As {@link #visible}, and locks the row until the transaction ends. */
    public ConversationRow visibleForUpdate(Actor actor, ConversationId id, String action) {
        return check(actor, id, action, conversations.findForUpdate(actor.practiceId(), id));
    }

    private ConversationRow check(Actor actor, ConversationId id, String action, Optional<ConversationRow> row) {
        return row.filter(c -> mayAccess(actor, c)).orElseThrow(() -> {
            audit.record(AuditRecord.denied(actor, action, "conversation", id));
            return new NotFoundException("No such conversation.");
        });
    }

    static boolean mayAccess(Actor actor, ConversationRow c) {
        if (!c.practiceId().equals(actor.practiceId())) {
            return false;
        }
        // A patient-side account reaches the records it acts for; a proxy never a confidential one.
        return actor.isStaff() || actor.maySee(c.patientId(), c.confidential());
    }
}
