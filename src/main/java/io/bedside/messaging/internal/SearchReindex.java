package io.bedside.messaging.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.bedside.crypto.BlindIndex;
import io.bedside.crypto.DecryptionFailedException;
import io.bedside.messaging.ConversationId;
import io.bedside.messaging.MessageId;
import io.bedside.shared.PracticeId;

/**
 * Rotates a practice's search key and rebuilds its blind index under the new key: every message
 * decrypted and indexed again, a batch per transaction, while the practice goes on working.
 * Searches meanwhile look under both keys, so nothing goes missing. Sends on nodes that still use
 * the old key (for at most {@link BlindIndex#KEY_CACHE_TIME}) are indexed again in a last pass; then
 * the rows made under the old key are deleted (each row says its key's version) and the old key is
 * destroyed, and with it any way to link the old tokens to words.
 */
@Service
public class SearchReindex {

    private static final Logger log = LoggerFactory.getLogger(SearchReindex.class);

    /** What a rebuild did. */
    public record Result(int keyVersion, long messages) {
    }

    private final BlindIndex blindIndex;
    private final MessageRows messages;
    private final ConversationRows conversations;
    private final ConversationViews views;
    private final Attachments attachments;
    private final MessageCipher cipher;
    private final SearchIndex index;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SearchReindex(BlindIndex blindIndex, MessageRows messages, ConversationRows conversations, ConversationViews views,
            Attachments attachments, MessageCipher cipher, SearchIndex index, TransactionTemplate transaction,
            Clock clock) {
        this.blindIndex = blindIndex;
        this.messages = messages;
        this.conversations = conversations;
        this.views = views;
        this.attachments = attachments;
        this.cipher = cipher;
        this.index = index;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * A new search key for the practice and its whole index rebuilt under it. {@code settle} is how
     * long to wait for every node to take up the new key (at least {@link BlindIndex#KEY_CACHE_TIME}
     * when other nodes are running; zero when none is).
     */
    public Result rebuild(PracticeId practice, int batchSize, Duration settle) {
        Instant rotatedAt = clock.instant();
        int version = transaction.execute(tx -> blindIndex.rotate(practice));
        long count = 0;
        UUID after = new UUID(0, 0);
        while (true) {
            UUID from = after;
            List<MessageRows.Row> batch = transaction.execute(tx -> {
                List<MessageRows.Row> rows = messages.pageOf(practice, from, batchSize);
                reindex(practice, rows);
                return rows;
            });
            count += batch.size();
            if (batch.size() < batchSize) {
                break;
            }
            after = batch.get(batch.size() - 1).id().value();
        }
        if (!settle.isZero()) {
            try {
                Thread.sleep(settle.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted before the old search key was retired", e);
            }
            // A node that had not yet read the new key indexed its sends under the old one: again.
            List<MessageId> recent = messages.idsSince(practice, rotatedAt.minus(Duration.ofMinutes(1)));
            for (int i = 0; i < recent.size(); i += batchSize) {
                List<MessageId> ids = recent.subList(i, Math.min(recent.size(), i + batchSize));
                transaction.executeWithoutResult(tx -> reindex(practice, messages.findAll(practice, ids)));
            }
        }
        // The old key's rows (every message now has the new key's) go, then the old key.
        transaction.executeWithoutResult(tx -> index.sweep(practice, version));
        transaction.executeWithoutResult(tx -> blindIndex.retireBefore(practice, version));
        return new Result(version, count);
    }

    private void reindex(PracticeId practice, List<MessageRows.Row> rows) {
        Map<ConversationId, ConversationRow> conversationRows = new HashMap<>();
        Map<ConversationId, Map<UUID, List<AttachmentView>>> files = new HashMap<>();
        for (MessageRows.Row m : rows) {
            try {
                reindex(practice, m, conversationRows, files);
            } catch (DecryptionFailedException e) {
                // A ciphertext that does not open here fails loudly wherever it is read; the rest is indexed.
                // Its rows under the old key are swept at the end.
                log.warn("Message {} of practice {} does not decrypt: left out of the search index", m.id(), practice);
            }
        }
    }

    private void reindex(PracticeId practice, MessageRows.Row m, Map<ConversationId, ConversationRow> conversationRows,
            Map<ConversationId, Map<UUID, List<AttachmentView>>> files) {
        ConversationRow row = conversationRows.computeIfAbsent(m.conversationId(),
                id -> conversations.find(practice, id).orElseThrow());
        String body = cipher.decryptBody(practice, m.conversationId(), m.id(), m.bodyCiphertext());
        List<String> texts = new ArrayList<>();
        texts.add(body);
        if (m.seq() == 1) {
            texts.add(views.subject(row));
            texts.addAll(views.details(row).values());
        }
        files.computeIfAbsent(m.conversationId(), id -> attachments.of(practice, id))
                .getOrDefault(m.id().value(), List.of()).forEach(f -> texts.add(f.filename()));
        index.reindex(practice, m.conversationId(), m.id(), m.createdAt(), m.internal(), texts);
    }
}
