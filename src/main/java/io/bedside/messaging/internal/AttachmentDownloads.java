package io.bedside.messaging.internal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.messaging.AttachmentId;
import io.bedside.messaging.ConversationId;
import io.bedside.shared.Actor;
import io.bedside.shared.NotFoundException;

/**
 * A photo or PDF of a conversation the caller may see (a file on an internal note: staff only).
 * The download is audited; a thumbnail, shown in the thread already opened, is not.
 */
@Service
public class AttachmentDownloads {

    private final Attachments attachments;
    private final ConversationAccess access;
    private final AuditTrail audit;

    AttachmentDownloads(Attachments attachments, ConversationAccess access, AuditTrail audit) {
        this.attachments = attachments;
        this.access = access;
        this.audit = audit;
    }

    @Transactional
    public Attachments.Content attachment(Actor actor, AttachmentId attachmentId, boolean thumbnail) {
        var place = attachments.placeOf(actor.practiceId(), attachmentId)
                .filter(p -> actor.isStaff() || !p.internal())
                .orElseThrow(() -> {
                    audit.record(AuditRecord.denied(actor, "attachment.downloaded", "attachment", attachmentId));
                    return new NotFoundException("No such file.");
                });
        ConversationId conversation = place.conversation();
        ConversationRow row;
        try {
            row = access.visible(actor, conversation, "attachment.downloaded");
        } catch (NotFoundException refused) {
            // Audited as refused there; answered exactly like a file that does not exist.
            throw new NotFoundException("No such file.");
        }
        var content = attachments.content(actor.practiceId(), conversation, attachmentId, thumbnail);
        if (!thumbnail) {
            audit.record(AuditRecord.allowed(actor, row.patientId(), "attachment.downloaded", "attachment",
                    attachmentId));
        }
        return content;
    }
}
