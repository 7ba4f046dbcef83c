package io.bedside.messaging.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

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
        Tokens tokens = tokens(practice, texts);
        if (tokens.tokens().length > 0) {
            rows.insert(practice, conversation, message, at, internal, tokens.keyVersion(), tokens.tokens());
        }
    }

    /**
     * Writes a message's tokens again under the practice's current search key (the re-index); its
     * rows under the old key go when the re-index {@link #sweep sweeps} them.
     */
    void reindex(PracticeId practice, ConversationId conversation, MessageId message, Instant at, boolean internal,
            Collection<String> texts) {
        Tokens tokens = tokens(practice, texts);
        if (tokens.tokens().length > 0) {
            rows.reindex(practice, conversation, message, at, internal, tokens.keyVersion(), tokens.tokens());
        }
    }

    /** Deletes the practice's index rows made under keys older than {@code keyVersion}; returns how many. */
    int sweep(PracticeId practice, int keyVersion) {
        return rows.sweep(practice, keyVersion);
    }

    /** A message's distinct tokens and the version of the search key they are under. */
    private record Tokens(int keyVersion, long[] tokens) {
    }

    private Tokens tokens(PracticeId practice, Collection<String> texts) {
        List<String> terms = texts.stream().filter(t -> t != null && !t.isBlank())
                .flatMap(t -> SearchTerms.indexTerms(t).stream()).distinct().toList();
        while (true) {
            int version = blindIndex.currentVersion(practice);
            // Two terms may share a token only by a 64-bit accident; the primary key must not see it twice.
            long[] tokens = terms.stream().mapToLong(term -> blindIndex.token(practice, term)).distinct().toArray();
            // A rotation between the two reads would label new tokens with the old version: read again.
            if (blindIndex.currentVersion(practice) == version) {
                return new Tokens(version, tokens);
            }
        }
    }
}
