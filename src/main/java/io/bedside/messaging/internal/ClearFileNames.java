package io.bedside.messaging.internal;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.bedside.crypto.ClearValuesAtStart;
import io.bedside.messaging.ConversationId;
import io.bedside.shared.PracticeId;

/**
 * Encrypts the attachment names stored in clear before names were PHI at rest (migration V8_20
 * moved them to {@code attachment_filename_clear}).
 */
@Component
class ClearFileNames extends ClearValuesAtStart<AttachmentRows.ClearName> {

    private final AttachmentRows rows;
    private final Attachments attachments;

    ClearFileNames(AttachmentRows rows, TransactionTemplate transaction, Attachments attachments) {
        super(transaction, "attachment names");
        this.rows = rows;
        this.attachments = attachments;
    }

    @Override
    protected List<AttachmentRows.ClearName> next() {
        return rows.clearNames(BATCH);
    }

    @Override
    protected boolean encrypt(AttachmentRows.ClearName held) {
        if (!rows.forgetClearName(held.attachment())) {
            return false;
        }
        rows.setName(held.attachment(), held.practice(), attachments.encryptName(PracticeId.of(held.practice()),
                ConversationId.of(held.conversation()), held.attachment(), held.filename()));
        return true;
    }
}
