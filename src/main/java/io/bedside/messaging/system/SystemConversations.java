package io.bedside.messaging.system;

import java.util.List;

import org.springframework.stereotype.Service;

import io.bedside.messaging.ConversationId;
import io.bedside.messaging.MessageId;
import io.bedside.messaging.Priority;
import java.util.List;
import io.bedside.messaging.internal.ConversationHistories;
import io.bedside.messaging.internal.ConversationStarts;
import io.bedside.messaging.internal.SystemAccess;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.UserId;

/**
 * Conversations as Bedside itself uses them, with no person as the caller. Every write is audited
 * under the action its caller names; the one read of message text ({@link #textsForUrgentCheck}) is
 * audited as {@code urgent.checked}; {@link #isUrgent} gives a fact without PHI. Notices read their PHI-free
 * facts from {@code messaging.NoticeFacts}. Each call joins the caller's transaction.
 */
@Service
public class SystemConversations {

    private final SystemAccess access;
    private final ConversationStarts starts;
    private final ConversationHistories histories;

    SystemConversations(SystemAccess access, ConversationStarts starts, ConversationHistories histories) {
        this.access = access;
        this.starts = starts;
        this.histories = histories;
    }

    /**
     * The practice's conversations as they went (ids, codes, times; never text), {@code limit} at a
     * time in id order after {@code after} (null: from the first), for replays such as analytics'
     * rebuild. Nothing is decrypted.
     */
    public List<ConversationHistory> history(PracticeId practice, ConversationId after, int limit) {
        return histories.page(practice, after, limit);
    }

    /**
     * An outreach campaign writes to one patient on behalf of a care team: a conversation of kind
     * campaign, waiting on the patient. Audited as {@code conversation.created} by the author.
     */
    public ConversationId startForCampaign(PracticeId practice, UserId author, PatientId patient, CareTeamId team,
            String subject, String body) {
        return starts.startForCampaign(practice, author, patient, team, subject, body);
    }

    /**
     * Bedside writes into a conversation itself (the after-hours reply, emergency guidance). The
     * patient sees it like a message from the team; live streams learn of it; no notification is
     * sent for it. Audited under {@code action}.
     */
    public void postSystemMessage(PracticeId practice, ConversationId id, String text, String action) {
        access.postSystemMessage(practice, id, text, action);
    }

    /** Bedside marks a conversation urgent (an urgent word). Audited under {@code action}. */
    public void setPriorityAsSystem(PracticeId practice, ConversationId id, Priority priority, String action) {
        access.setPriorityAsSystem(practice, id, priority, action);
    }

    /**
     * What a patient just wrote, for the urgent-word check only: the message's body and, when it
     * started the conversation, its subject and the request's fields, each a text of its own. One
     * read, recorded on the patient's audit trail ({@code urgent.checked}, the system as the
     * reader); the texts are never logged.
     */
    public List<String> textsForUrgentCheck(PracticeId practice, MessageId message) {
        return access.readTextsFor(SystemAccess.URGENT_CHECK, practice, message);
    }

    /** Whether the conversation is marked urgent; false for one that does not exist. */
    public boolean isUrgent(PracticeId practice, ConversationId id) {
        return access.find(practice, id).map(row -> row.priority() == Priority.URGENT).orElse(false);
    }

    /**
     * Whose a conversation is and who has it, without PHI and without an audit row (ids and flags
     * only); empty for one that is not in this practice. The caller decides access with it exactly as
     * messaging does: staff of the practice, or a patient-side caller who may see this patient's
     * conversations of this confidentiality ({@code Actor.maySee}).
     */
    public java.util.Optional<ConversationFacts> facts(PracticeId practice, ConversationId id) {
        return access.find(practice, id).map(row -> new ConversationFacts(row.id(), row.patientId(), row.careTeamId(),
                row.confidential(), row.status()));
    }
}
