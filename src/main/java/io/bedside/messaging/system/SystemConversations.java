package io.bedside.messaging.system;

import java.util.List;

import org.springframework.stereotype.Service;

import io.bedside.messaging.ConversationId;
import io.bedside.messaging.MessageId;
import io.bedside.messaging.Priority;
import io.bedside.messaging.internal.ConversationExports;
import io.bedside.messaging.internal.ConversationHistories;
import io.bedside.messaging.internal.ConversationStarts;
import io.bedside.messaging.internal.NewAttachment;
import io.bedside.messaging.internal.SystemAccess;
import io.bedside.messaging.internal.TextMessages;
import io.bedside.shared.Actor;
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
    private final ConversationExports exports;

    private final TextMessages texts;

    SystemConversations(SystemAccess access, ConversationStarts starts, ConversationHistories histories,
            ConversationExports exports, TextMessages texts) {
        this.texts = texts;
        this.access = access;
        this.starts = starts;
        this.histories = histories;
        this.exports = exports;
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
     * Every conversation of one patient, decrypted for export to another system (FHIR), oldest
     * first: subjects, request fields, and the messages the patient's side sees (internal notes
     * never); confidential conversations only when {@code withConfidential}. Each conversation read
     * is audited under {@code action} with {@code reader} as the actor (null: Bedside itself).
     * Who may ask is the caller's to decide; a patient the practice does not have is "not found".
     * PHI: never log what this returns.
     */
    public List<ExportedConversation> exportOfPatient(PracticeId practice, PatientId patient,
            boolean withConfidential, Actor reader, String action) {
        return exports.ofPatient(practice, patient, withConfidential, reader, action);
    }

    /**
     * The practice's conversations decrypted as {@link #exportOfPatient} gives them, {@code limit}
     * at a time in id order after {@code after} (null: from the first), for a practice-wide export.
     * Each conversation read is audited under {@code action} on its patient's trail.
     */
    public List<ExportedConversation> exportPage(PracticeId practice, ConversationId after, int limit, Actor reader,
            String action) {
        return exports.page(practice, after, limit, reader, action);
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

    /**
     * A patient's text message (SMS) becomes their message, marked {@code via: sms}: in their newest
     * conversation that is not closed, or a new one ({@code subject}) to the team of their newest
     * conversation, else the practice's first team. Sent and audited as the patient's own
     * ({@code message.sent} or {@code conversation.created}); the team hears of it as of any.
     * Joins the caller's transaction.
     */
    public ConversationId postFromPatientByText(PracticeId practice, UserId user, PatientId patient, String body,
            List<TextFile> files, String subject) {
        return texts.postFromPatient(practice, user, patient, body,
                files.stream().map(f -> new NewAttachment(f.filename(), f.content())).toList(), subject);
    }

    /** Checks a file as an upload is checked (type from its bytes, size): refused with the upload's exception. */
    public void checkTextFile(TextFile file) {
        texts.check(file.filename(), file.content());
    }

    /**
     * The team's newest reply in a conversation, for a full-text SMS: the one read of message text
     * that leaves Bedside unencrypted, so it is audited as {@code message.sms-disclosed} on the
     * patient's trail. Whether it may go is the caller's to decide (the practice's setting and the
     * patient's consent). PHI: never log it.
     */
    public java.util.Optional<String> newestReplyForText(PracticeId practice, ConversationId id, PatientId patient) {
        return texts.newestReplyForText(practice, id, patient);
    }
}
