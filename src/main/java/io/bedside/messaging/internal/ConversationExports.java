package io.bedside.messaging.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.identity.Accounts;
import io.bedside.messaging.ConversationId;
import io.bedside.messaging.SystemAuthor;
import io.bedside.messaging.system.ExportedConversation;
import io.bedside.practice.StaffMember;
import io.bedside.shared.Actor;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.UserId;

/**
 * The work behind the export reads of {@link io.bedside.messaging.system.SystemConversations}:
 * conversations decrypted for another system (FHIR), internal notes always left out. Each
 * conversation read is one audit row on its patient's trail, under the action the caller names and
 * with the person who asked (null: Bedside itself, a background export).
 */
@Service
public class ConversationExports {

    /** Messages per read of one conversation. */
    private static final int PAGE = 500;

    /** Most conversations of one patient in one bundle. */
    static final int MAX_OF_PATIENT = 5_000;

    private final ConversationRows conversations;
    private final MessageRows messages;
    private final MessageCipher cipher;
    private final ConversationViews views;
    private final People people;
    private final Accounts accounts;
    private final Attachments attachments;
    private final AuditTrail audit;

    ConversationExports(ConversationRows conversations, MessageRows messages, MessageCipher cipher,
            ConversationViews views, People people, Accounts accounts, Attachments attachments, AuditTrail audit) {
        this.conversations = conversations;
        this.messages = messages;
        this.cipher = cipher;
        this.views = views;
        this.people = people;
        this.accounts = accounts;
        this.attachments = attachments;
        this.audit = audit;
    }

    /**
     * Every conversation of one patient of the practice, oldest first; confidential ones only when
     * {@code withConfidential}. A patient the practice does not have is "not found".
     */
    @Transactional
    public List<ExportedConversation> ofPatient(PracticeId practice, PatientId patient, boolean withConfidential,
            Actor reader, String action) {
        if (people.findPatient(practice, patient).isEmpty()) {
            throw new NotFoundException();
        }
        List<ConversationRow> rows = new ArrayList<>(conversations.ofPatient(practice, patient, MAX_OF_PATIENT));
        rows.removeIf(row -> row.confidential() && !withConfidential);
        rows.sort(java.util.Comparator.comparing(ConversationRow::createdAt).thenComparing(r -> r.id().value()));
        return export(practice, rows, reader, action);
    }

    /** The next {@code limit} conversations of the practice in id order after {@code after} (null: the first). */
    @Transactional
    public List<ExportedConversation> page(PracticeId practice, ConversationId after, int limit, Actor reader,
            String action) {
        return export(practice, conversations.pageById(practice, after, limit), reader, action);
    }

    private List<ExportedConversation> export(PracticeId practice, List<ConversationRow> rows, Actor reader,
            String action) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<ConversationId, List<MessageRows.Row>> byConversation = new HashMap<>();
        Set<UserId> staffIds = new HashSet<>();
        Set<UserId> proxyIds = new HashSet<>();
        Set<PatientId> patientIds = new HashSet<>();
        for (ConversationRow row : rows) {
            List<MessageRows.Row> all = new ArrayList<>();
            long after = 0;
            List<MessageRows.Row> page;
            do {
                page = messages.after(practice, row.id(), after, PAGE, false);
                all.addAll(page);
                after = page.isEmpty() ? after : page.get(page.size() - 1).seq();
            } while (page.size() == PAGE);
            byConversation.put(row.id(), all);
            patientIds.add(row.patientId());
            for (MessageRows.Row m : all) {
                if (m.authorKind() == Actor.Kind.STAFF && !SystemAuthor.is(m.authorId())) {
                    staffIds.add(m.authorId());
                } else if (m.authorKind() == Actor.Kind.PATIENT && m.proxyRelationship() != null) {
                    proxyIds.add(m.authorId());
                }
            }
        }
        Map<UserId, StaffMember> staff = people.staff(practice, staffIds);
        Map<UserId, String> proxies = proxyIds.isEmpty() ? Map.of() : accounts.proxyNames(practice, proxyIds);
        Map<PatientId, Person> patients = people.patients(practice, patientIds);
        String system = people.system(practice).displayName();
        Map<io.bedside.shared.CareTeamId, CareTeamRef> teams = new HashMap<>();
        List<ExportedConversation> exported = new ArrayList<>();
        List<AuditRecord> records = new ArrayList<>();
        for (ConversationRow row : rows) {
            Map<UUID, List<AttachmentView>> files = attachments.of(practice, row.id());
            List<ExportedConversation.Message> out = new ArrayList<>();
            for (MessageRows.Row m : byConversation.get(row.id())) {
                ExportedConversation.AuthorKind kind;
                String name;
                if (SystemAuthor.is(m.authorId())) {
                    kind = ExportedConversation.AuthorKind.SYSTEM;
                    name = system;
                } else if (m.authorKind() == Actor.Kind.STAFF) {
                    kind = ExportedConversation.AuthorKind.STAFF;
                    StaffMember member = staff.get(m.authorId());
                    name = member == null ? "A former member of staff" : member.displayName();
                } else if (m.proxyRelationship() != null) {
                    kind = ExportedConversation.AuthorKind.PROXY;
                    name = proxies.getOrDefault(m.authorId(), "Family member");
                } else {
                    kind = ExportedConversation.AuthorKind.PATIENT;
                    name = patients.get(row.patientId()).displayName();
                }
                List<ExportedConversation.Attachment> onMessage = files.getOrDefault(m.id().value(), List.of())
                        .stream()
                        .map(a -> new ExportedConversation.Attachment(a.id(), a.filename(), a.contentType(),
                                a.sizeBytes()))
                        .toList();
                out.add(new ExportedConversation.Message(m.id(), m.seq(), m.authorId(), kind, name, m.createdAt(),
                        cipher.decryptBody(m.practiceId(), m.conversationId(), m.id(), m.bodyCiphertext()), onMessage));
            }
            CareTeamRef team = teams.computeIfAbsent(row.careTeamId(), id -> people.teamRef(practice, id));
            exported.add(new ExportedConversation(row.id(), row.patientId(),
                    patients.get(row.patientId()).displayName(), row.careTeamId(), team.name(), row.kind().code(),
                    row.status().code(), row.priority().code(), views.subject(row), views.details(row),
                    row.createdAt(), row.lastPublicActivityAt(), row.confidential(), out));
            records.add(new AuditRecord(practice, reader, row.patientId(), action, "conversation",
                    row.id().toString(), true));
        }
        audit.recordAll(records);
        return exported;
    }
}
