package io.bedside.messaging.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
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
class ClearFileNames extends ClearValuesAtStart<ClearFileNames.Held> {

    record Held(UUID attachment, UUID practice, UUID conversation, String filename) {
    }

    private final JdbcClient jdbc;
    private final Attachments attachments;

    ClearFileNames(JdbcClient jdbc, TransactionTemplate transaction, Attachments attachments) {
        super(transaction, "attachment names");
        this.jdbc = jdbc;
        this.attachments = attachments;
    }

    @Override
    protected List<Held> next() {
        return jdbc.sql("""
                select c.attachment_id, c.practice_id, a.conversation_id, c.filename
                  from attachment_filename_clear c join attachment a on a.id = c.attachment_id
                 order by c.attachment_id limit""" + " " + BATCH)
                .query((rs, n) -> new Held(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4)))
                .list();
    }

    @Override
    protected boolean encrypt(Held held) {
        if (jdbc.sql("delete from attachment_filename_clear where attachment_id = :id").param("id", held.attachment())
                .update() == 0) {
            return false;
        }
        jdbc.sql("update attachment set filename_ciphertext = :name where id = :id and practice_id = :practice")
                .param("name", attachments.encryptName(PracticeId.of(held.practice()),
                        ConversationId.of(held.conversation()), held.attachment(), held.filename()))
                .param("id", held.attachment()).param("practice", held.practice())
                .update();
        return true;
    }
}
