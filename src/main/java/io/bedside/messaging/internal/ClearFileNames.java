package io.bedside.messaging.internal;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.bedside.messaging.ConversationId;
import io.bedside.shared.PracticeId;

/**
 * Encrypts the attachment names that were stored in clear before names were PHI at rest
 * (migration V8_20 moved them to {@code attachment_filename_clear}, since Flyway has no keys):
 * when the application starts, before it serves anyone, a batch per transaction. Each row is
 * deleted as its name is encrypted, so a node starting at the same time, or a start after a
 * crash, does each one once; afterwards the table stays empty and this finds nothing.
 */
@Component
class ClearFileNames implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ClearFileNames.class);
    private static final int BATCH = 500;

    private record Clear(UUID attachment, UUID practice, UUID conversation, String filename) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Attachments attachments;

    ClearFileNames(JdbcClient jdbc, TransactionTemplate transaction, Attachments attachments) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.attachments = attachments;
    }

    @Override
    public void afterSingletonsInstantiated() {
        long done = 0;
        for (List<Clear> batch = next(); !batch.isEmpty(); batch = next()) {
            List<Clear> names = batch;
            done += transaction.execute(status -> names.stream().filter(this::encrypt).count());
        }
        if (done > 0) {
            log.info("Encrypted the names of {} attachments, stored in clear before", done);
        }
    }

    private List<Clear> next() {
        return jdbc.sql("""
                select c.attachment_id, c.practice_id, a.conversation_id, c.filename
                  from attachment_filename_clear c join attachment a on a.id = c.attachment_id
                 order by c.attachment_id limit""" + " " + BATCH)
                .query((rs, n) -> new Clear(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4)))
                .list();
    }

    /** Whoever deletes the clear row encrypts it: a node that lost the race leaves it alone. */
    private boolean encrypt(Clear clear) {
        if (jdbc.sql("delete from attachment_filename_clear where attachment_id = :id").param("id", clear.attachment())
                .update() == 0) {
            return false;
        }
        jdbc.sql("update attachment set filename_ciphertext = :name where id = :id and practice_id = :practice")
                .param("name", attachments.encryptName(PracticeId.of(clear.practice()),
                        ConversationId.of(clear.conversation()), clear.attachment(), clear.filename()))
                .param("id", clear.attachment()).param("practice", clear.practice())
                .update();
        return true;
    }
}
