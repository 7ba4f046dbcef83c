package io.bedside.messaging;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import io.bedside.shared.PracticeId;

/**
 * When the care team has promised to answer: asked by the conversation pages and the inbox,
 * provided by the module that keeps office hours and promises, so messaging never depends on it.
 */
public interface AnswerPromises {

    /**
     * @param dueAt   when an answer is due: in business time, or for an urgent conversation nobody
     *                has called yet, the moment it was flagged plus the practice's urgent target
     * @param overdue the answer is late
     * @param urgent  the due time is the urgent target's
     */
    record Promise(Instant dueAt, boolean overdue, boolean urgent) {

        public Promise(Instant dueAt, boolean overdue) {
            this(dueAt, overdue, false);
        }
    }

    /** The open promises of the given conversations; one already answered is left out. */
    Map<ConversationId, Promise> of(PracticeId practice, Collection<ConversationId> conversations);
}
