package io.bedside.messaging.internal;

import java.util.List;

import org.springframework.stereotype.Service;

import io.bedside.messaging.ConversationId;
import io.bedside.messaging.system.ConversationHistory;
import io.bedside.shared.PracticeId;

/**
 * A practice's conversations as they went, for Bedside's own replays (analytics counting what
 * happened before it was installed). Ids, codes and times only: nothing is decrypted, so nothing is
 * audited as a read of a patient's messages.
 */
@Service
public class ConversationHistories {

    private final ConversationHistoryRows rows;

    ConversationHistories(ConversationHistoryRows rows) {
        this.rows = rows;
    }

    /** The next {@code limit} conversations of the practice after {@code after} (null: from the first), in id order. */
    public List<ConversationHistory> page(PracticeId practice, ConversationId after, int limit) {
        return rows.page(practice, after, limit);
    }
}
