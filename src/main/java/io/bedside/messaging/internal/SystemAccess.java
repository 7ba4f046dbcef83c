package io.bedside.messaging.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.messaging.ConversationId;
import io.bedside.messaging.ConversationUpdated;
import io.bedside.messaging.MessageId;
import io.bedside.messaging.MessageSent;
import io.bedside.messaging.Priority;
import io.bedside.messaging.SystemAuthor;
import io.bedside.shared.Actor;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/**
 * The work behind {@link io.bedside.messaging.system.SystemConversations}: what Bedside itself
 * does in a conversation, with no person as the caller. Each write and each read of message text
 * is audited with the system as the actor and an action naming why. Only that facade calls this.
 */
@Service
public class SystemAccess {

    /** The audit action of Bedside reading a patient's message to look for urgent words. */
    public static final String URGENT_CHECK = "urgent.checked";

    private final ConversationRows conversations;
    private final MessageRows messages;
    private final MessageCipher cipher;
    private final People people;
    private final MessageLimits limits;
    private final AuditTrail audit;
    private final Reactions reactions;
    private final Clock clock;
    private final SearchIndex searchIndex;
    private final ConversationViews views;

    SystemAccess(ConversationRows conversations, MessageRows messages, MessageCipher cipher, People people,
            MessageLimits limits, AuditTrail audit, Reactions reactions, Clock clock, SearchIndex searchIndex,
            ConversationViews views) {
        this.views = views;
        this.searchIndex = searchIndex;
        this.conversations = conversations;
        this.messages = messages;
        this.cipher = cipher;
        this.people = people;
        this.limits = limits;
        this.audit = audit;
        this.reactions = reactions;
        this.clock = clock;
    }

    /** Bedside writes into a conversation itself; joins the caller's transaction. */
    @Transactional
    public void postSystemMessage(PracticeId practice, ConversationId id, String text, String action) {
        ConversationRow row = conversations.findForUpdate(practice, id)
                .orElseThrow(() -> new NotFoundException("No such conversation."));
        Instant now = Timestamps.now(clock);
        long seq = row.lastSeq() + 1;
        MessageId messageId = MessageId.random();
        String body = limits.checkedBody(text);
        messages.insert(new MessageRows.Row(messageId, practice, id, seq, SystemAuthor.ID, Actor.Kind.STAFF,
                cipher.encryptBody(practice, id, messageId, body), false, now));
        searchIndex.index(practice, id, messageId, now, false, SearchTexts.of(body, null, null, null));
        conversations.recordMessage(id, seq, now, false, row.status());
        audit.record(new AuditRecord(practice, null, row.patientId(), action, "message", messageId.toString(), true));
        reactions.messageSent(new MessageSent(practice, id, messageId, seq, row.patientId(), row.careTeamId(),
                SystemAuthor.ID, false, false));
    }

    /** Bedside sets a conversation's priority; audited and streamed like a change by staff. */
    @Transactional
    public void setPriorityAsSystem(PracticeId practice, ConversationId id, Priority priority, String action) {
        ConversationRow row = conversations.findForUpdate(practice, id)
                .orElseThrow(() -> new NotFoundException("No such conversation."));
        conversations.triage(id, row.status(), priority, row.assigneeId());
        audit.record(new AuditRecord(practice, null, row.patientId(), action, "conversation", id.toString(), true));
        reactions.updated(new ConversationUpdated(practice, id, row.patientId(), row.careTeamId(),
                row.status(), priority, row.assigneeId()));
    }

    /**
     * The texts of a message a patient just sent, read by Bedside for {@code purpose} (an audit
     * action such as {@link #URGENT_CHECK}): its body and, for the message that started the
     * conversation, the subject and the request's fields (medication, reason...), each apart. One
     * read, recorded once on the patient's trail with the system as the reader. PHI: never log it.
     */
    @Transactional
    public List<String> readTextsFor(String purpose, PracticeId practice, MessageId messageId) {
        MessageRows.Row m = messages.find(practice, messageId).orElseThrow(NotFoundException::new);
        ConversationRow row = conversations.find(practice, m.conversationId()).orElseThrow(NotFoundException::new);
        audit.record(new AuditRecord(practice, null, row.patientId(), purpose, "message", messageId.toString(), true));
        List<String> texts = new ArrayList<>();
        texts.add(cipher.decryptBody(m.practiceId(), m.conversationId(), m.id(), m.bodyCiphertext()));
        if (m.seq() == 1) {
            texts.add(cipher.decryptSubject(row.practiceId(), row.id(), row.subjectCiphertext()));
            texts.addAll(views.details(row).values());
        }
        return texts;
    }

    /** The stored conversation, for facts without PHI (ids, priority); never its subject. */
    @Transactional
    public Optional<ConversationRow> find(PracticeId practice, ConversationId id) {
        return conversations.find(practice, id);
    }

    /**
     * Whether {@code reader} has not yet read a message of one of these conversations written at
     * or after {@code since} by the other side (by the patient when {@code byPatient}, else by the
     * care team; never an internal note, never Bedside's own).
     */
    @Transactional
    public boolean hasUnreadSince(PracticeId practice, UserId reader, Collection<ConversationId> among,
            boolean byPatient, Instant since) {
        return !among.isEmpty() && messages.hasUnreadSince(practice, reader,
                among.stream().map(ConversationId::value).toList(), byPatient ? Actor.Kind.PATIENT : Actor.Kind.STAFF,
                since);
    }
}
