package io.bedside.messaging.internal;

import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.messaging.ConversationId;
import io.bedside.messaging.SystemAuthor;
import io.bedside.practice.StaffMember;
import io.bedside.shared.Actor;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.Relationship;
import io.bedside.shared.UserId;

/** Opening one conversation and reading its messages, as the caller may see them. Audited. */
@Service
public class ConversationReads {

    private final ConversationRows conversations;
    private final MessageRows messages;
    private final ConversationAccess access;
    private final MessageCipher cipher;
    private final Attachments attachments;
    private final People people;
    private final ConversationViews views;
    private final AuditTrail audit;

    ConversationReads(ConversationRows conversations, MessageRows messages, ConversationAccess access,
            MessageCipher cipher, Attachments attachments, People people, ConversationViews views, AuditTrail audit) {
        this.conversations = conversations;
        this.messages = messages;
        this.access = access;
        this.cipher = cipher;
        this.attachments = attachments;
        this.people = people;
        this.views = views;
        this.audit = audit;
    }

    @Transactional
    public ConversationDetails get(Actor actor, ConversationId id) {
        ConversationRow row = access.visible(actor, id, "conversation.viewed");
        audit.record(AuditRecord.allowed(actor, row.patientId(), "conversation.viewed", "conversation", id));
        long unread = conversations.unread(id, actor.userId(), actor.isPatient());
        boolean marked = actor.isStaff() && conversations.markedUnread(id, actor.userId());
        return new ConversationDetails(views.view(actor, row, views.subject(row), unread, marked),
                views.participants(row, actor));
    }

    /** Messages after {@code after} (a seq), oldest first; internal notes for staff only. */
    @Transactional
    public List<MessageView> messages(Actor actor, ConversationId id, long after, int limit) {
        if (after < 0) {
            throw new InvalidRequestException("after", "after must be 0 or more.");
        }
        ConversationRow row = access.visible(actor, id, "messages.read");
        List<MessageRows.Row> rows = messages.after(actor.practiceId(), id, after, limit, actor.isStaff());
        audit.record(AuditRecord.allowed(actor, row.patientId(), "messages.read", "conversation", id));
        Set<UserId> authors = new HashSet<>();
        rows.stream().filter(m -> m.authorKind() == Actor.Kind.STAFF).forEach(m -> authors.add(m.authorId()));
        Map<UserId, StaffMember> staff = people.staff(actor.practiceId(), authors);
        Person patient = people.patient(row.practiceId(), row.patientId());
        Map<UserId, Relationship> writers = new HashMap<>();
        rows.stream().filter(m -> m.proxyRelationship() != null)
                .forEach(m -> writers.put(m.authorId(), m.proxyRelationship()));
        Map<UserId, Person> proxies = people.proxies(row.practiceId(), writers, patient);
        Map<UUID, List<AttachmentView>> files = rows.isEmpty() ? Map.of() : attachments.of(row.practiceId(), id);
        return rows.stream().map(m -> new MessageView(m.id(), m.seq(),
                SystemAuthor.is(m.authorId()) ? people.system(row.practiceId())
                        : m.authorKind() == Actor.Kind.STAFF ? people.staffPerson(m.authorId(), staff)
                        : m.proxyRelationship() != null ? proxies.get(m.authorId())
                        : new Person(m.authorId().value(), patient.displayName(), "patient"),
                cipher.decryptBody(m.practiceId(), m.conversationId(), m.id(), m.bodyCiphertext()), m.internal(),
                m.createdAt(), files.getOrDefault(m.id().value(), List.of()), m.via())).toList();
    }
}
