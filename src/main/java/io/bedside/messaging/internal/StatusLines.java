package io.bedside.messaging.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.messaging.AnswerPromises;
import io.bedside.messaging.ConversationId;
import io.bedside.messaging.ConversationStatus;
import io.bedside.messaging.Priority;
import io.bedside.practice.Practices;
import io.bedside.shared.PracticeId;

/**
 * The patient's status line of conversations the caller has already been allowed to see (views
 * read, and audited, through {@link ConversationReads} or {@link ConversationLists}): received →
 * read by the care team → being handled by Jenny Kim, RN (or a nurse, when the practice shows
 * the role only) → answered, with the promised answer time while one is due. Its facts are
 * sequence numbers and the assignee, never message text.
 *
 * <p>Stages, from the latest message the patient side wrote (P): answered when a person on the care
 * team wrote after P (Bedside's automatic replies and internal notes do not count); else closed when
 * the conversation is closed; else being handled when someone is assigned; else read when a member
 * of staff has read up to P; else received. A conversation the patient side never wrote in (one the
 * care team or a campaign started, not yet answered by the patient) has no status line.
 */
@Service
public class StatusLines {

    private final StatusLineRows rows;
    private final Practices practices;
    private final ObjectProvider<AnswerPromises> promises;

    StatusLines(StatusLineRows rows, Practices practices, ObjectProvider<AnswerPromises> promises) {
        this.rows = rows;
        this.practices = practices;
        this.promises = promises;
    }

    /** The status line of one conversation, or null when it has none. */
    @Transactional(readOnly = true)
    public StatusLine of(PracticeId practice, ConversationView conversation) {
        return of(practice, List.of(conversation)).get(conversation.id());
    }

    /** The status lines of the given conversations; those without one are left out. */
    @Transactional(readOnly = true)
    public Map<ConversationId, StatusLine> of(PracticeId practice, List<ConversationView> conversations) {
        Map<ConversationId, StatusLine> result = new HashMap<>();
        if (conversations.isEmpty()) {
            return result;
        }
        List<ConversationId> ids = conversations.stream().map(ConversationView::id).toList();
        Map<ConversationId, StatusLineRows.Facts> facts = rows.of(practice, ids);
        AnswerPromises promiseSource = promises.getIfAvailable();
        Map<ConversationId, AnswerPromises.Promise> due = promiseSource == null ? Map.of()
                : promiseSource.of(practice, ids);
        boolean roleOnly = practices.statusLineShowsRoleOnly(practice);
        for (ConversationView c : conversations) {
            StatusLineRows.Facts f = facts.get(c.id());
            if (f == null || f.patientSeq() == 0) {
                continue;
            }
            StatusLine.Stage stage = f.answerSeq() > f.patientSeq() ? StatusLine.Stage.ANSWERED
                    : c.status() == ConversationStatus.CLOSED ? StatusLine.Stage.CLOSED
                    : c.assignee() != null ? StatusLine.Stage.HANDLING
                    : f.staffReadSeq() >= f.patientSeq() ? StatusLine.Stage.READ
                    : StatusLine.Stage.RECEIVED;
            Person handler = stage == StatusLine.Stage.HANDLING ? c.assignee() : null;
            AnswerPromises.Promise promise = due.get(c.id());
            boolean promised = promise != null && !promise.urgent() && c.priority() != Priority.URGENT
                    && stage != StatusLine.Stage.ANSWERED && stage != StatusLine.Stage.CLOSED;
            result.put(c.id(), new StatusLine(stage,
                    handler == null || roleOnly ? null : handler.displayName(),
                    handler == null ? null : handler.role(),
                    promised ? promise.dueAt() : null, promised && promise.overdue()));
        }
        return result;
    }
}
