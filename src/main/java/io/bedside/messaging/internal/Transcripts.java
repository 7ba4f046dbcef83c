package io.bedside.messaging.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.messaging.ConversationId;
import io.bedside.shared.Actor;

/** Everything a caller may see of one conversation, for the written record they keep (the PDF). */
@Service
public class Transcripts {

    private static final int PAGE = 200;

    private final ConversationAccess access;
    private final ConversationReads reads;
    private final ConversationViews views;
    private final AuditTrail audit;

    Transcripts(ConversationAccess access, ConversationReads reads, ConversationViews views, AuditTrail audit) {
        this.access = access;
        this.reads = reads;
        this.views = views;
        this.audit = audit;
    }

    public record Transcript(ConversationView conversation, List<MessageView> messages) {
    }

    @Transactional
    public Transcript export(Actor actor, ConversationId id) {
        ConversationRow row = access.visible(actor, id, "conversation.exported");
        String subject = views.subject(row);
        List<MessageView> all = new ArrayList<>();
        long after = 0;
        List<MessageView> page;
        do {
            page = reads.messages(actor, id, after, PAGE);
            all.addAll(page);
            after = page.isEmpty() ? after : page.get(page.size() - 1).seq();
        } while (page.size() == PAGE);
        audit.record(AuditRecord.allowed(actor, row.patientId(), "conversation.exported", "conversation", id));
        return new Transcript(views.view(actor, row, subject, 0), all);
    }
}
