package io.bedside.messaging.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;

import org.springframework.stereotype.Component;

import io.bedside.crypto.BlindIndex;
import io.bedside.messaging.ConversationId;
import io.bedside.messaging.MessageId;
import io.bedside.shared.PracticeId;

/**
 * Writes a message's words into the blind index, in the caller's transaction: what the message
 * says, and for a conversation's first message its subject and request details, and the names of
 * its files. Only keyed hashes are stored (docs/security.md, "Search").
 */
@Component
class SearchIndex {

    private final BlindIndex blindIndex;
    private final SearchTokenRows rows;

    SearchIndex(BlindIndex blindIndex, SearchTokenRows rows) {
        this.blindIndex = blindIndex;
        this.rows = rows;
    }

    void index(PracticeId practice, ConversationId conversation, MessageId message, Instant at, boolean internal,
            Collection<String> texts) {
        long[] tokens = texts.stream().filter(t -> t != null && !t.isBlank())
                .flatMap(t -> SearchTerms.indexTerms(t).stream()).distinct()
                .mapToLong(term -> blindIndex.token(practice, term)).toArray();
        // Two terms may share a token only by a 64-bit accident; the primary key must not see it twice.
        long[] distinct = Arrays.stream(tokens).distinct().toArray();
        if (distinct.length > 0) {
            rows.insert(practice, conversation, message, at, internal, distinct);
        }
    }

    /** Forgets a message's tokens. */
    void forget(PracticeId practice, MessageId message) {
        rows.deleteOf(practice, message);
    }

    /** Writes a message's tokens again under the practice's current search key (the re-index). */
    void reindex(PracticeId practice, ConversationId conversation, MessageId message, Instant at, boolean internal,
            Collection<String> texts) {
        rows.deleteOf(practice, message);
        index(practice, conversation, message, at, internal, texts);
    }
}
