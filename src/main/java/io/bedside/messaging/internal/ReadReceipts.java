package io.bedside.messaging.internal;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.messaging.ConversationId;
import io.bedside.messaging.ReadStateUpdated;
import io.bedside.shared.Actor;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.Timestamps;

/** A reader marks a conversation read up to a message; the others see how far each has read. */
@Service
public class ReadReceipts {

    private final ReadStateRows readStates;
    private final ConversationAccess access;
    private final ConversationViews views;
    private final AuditTrail audit;
    private final Reactions reactions;
    private final Clock clock;
    private final ConversationRows conversations;

    ReadReceipts(ReadStateRows readStates, ConversationAccess access, ConversationViews views, AuditTrail audit,
            Reactions reactions, Clock clock, ConversationRows conversations) {
        this.conversations = conversations;
        this.readStates = readStates;
        this.access = access;
        this.views = views;
        this.audit = audit;
        this.reactions = reactions;
        this.clock = clock;
    }

    @Transactional
    public ReadReceipt markRead(Actor caller, ConversationId id, long seq) {
        ConversationRow row = access.visible(caller, id, "read.marked");
        // A proxy reads as themselves for the patient whose conversation it is.
        Actor actor = caller.actingAs(row.patientId());
        long last = row.lastSeqFor(actor.isPatient());
        if (seq < 0 || seq > last) {
            throw new InvalidRequestException("seq", "seq must be between 0 and " + last + ".");
        }
        Instant now = Timestamps.now(clock);
        boolean moved = readStates.advance(actor.practiceId(), id, actor, seq, now);
        // Reading it again takes away the reader's own "unread" reminder.
        conversations.clearUnreadMark(id, actor.userId());
        audit.record(AuditRecord.allowed(actor, row.patientId(), "read.marked", "conversation", id));
        if (moved) {
            reactions.readStateUpdated(new ReadStateUpdated(actor.practiceId(), id, row.patientId(),
                    row.careTeamId(), actor.userId(), seq, Math.min(seq, row.lastPublicSeq()), actor.isPatient()));
        }
        return views.participants(row, actor).stream().filter(r -> r.userId().equals(actor.userId()))
                .findFirst().orElseThrow();
    }
}
