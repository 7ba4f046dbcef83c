package io.bedside.messaging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.identity.Accounts;
import io.bedside.messaging.internal.ConversationAccess;
import io.bedside.messaging.internal.ConversationRow;
import io.bedside.messaging.internal.ConversationRows;
import io.bedside.messaging.internal.IdempotencyKeys;
import io.bedside.messaging.internal.MessageCipher;
import io.bedside.messaging.internal.MessageRows;
import io.bedside.messaging.internal.People;
import io.bedside.messaging.internal.ReadStates;
import io.bedside.practice.CareTeam;
import io.bedside.practice.StaffMember;
import io.bedside.shared.Actor;
import io.bedside.shared.ConflictException;
import io.bedside.shared.ForbiddenException;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.KeysetCursor;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.PatientId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UnprocessableException;
import io.bedside.shared.UserId;
import tools.jackson.databind.json.JsonMapper;

/**
 * Conversations between patients and care teams: starting one, listing, reading, sending and
 * marking read. Every method takes the caller and decides access itself (through
 * {@link ConversationAccess}); every read and write of patient data is audited.
 */
@Service
public class Conversations {

    private final ConversationRows conversations;
    private final MessageRows messages;
    private final ReadStates readStates;
    private final IdempotencyKeys idempotencyKeys;
    private final ConversationAccess access;
    private final MessageCipher cipher;
    private final io.bedside.messaging.internal.Attachments attachments;
    private final People people;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final MessagingProperties properties;
    private final Clock clock;
    private final JsonMapper json;
    // Keys being sent on this node right now: a second request with the same key gets 409 at once.
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    Conversations(ConversationRows conversations, MessageRows messages, ReadStates readStates,
            IdempotencyKeys idempotencyKeys, ConversationAccess access, MessageCipher cipher,
            io.bedside.messaging.internal.Attachments attachments, People people,
            Accounts accounts, AuditTrail audit, ApplicationEventPublisher events, TransactionTemplate transaction,
            MessagingProperties properties, Clock clock, JsonMapper json) {
        this.conversations = conversations;
        this.messages = messages;
        this.readStates = readStates;
        this.idempotencyKeys = idempotencyKeys;
        this.access = access;
        this.cipher = cipher;
        this.attachments = attachments;
        this.people = people;
        this.accounts = accounts;
        this.audit = audit;
        this.events = events;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
        this.json = json;
    }

    // ---------------------------------------------------------------- start

    public ConversationStartedView start(Actor actor, NewConversation request) {
        List<NewAttachment> files = request.attachments();
        // As in a reply, a photo or a PDF may speak for itself.
        String body = files.isEmpty() || (request.body() != null && !request.body().isBlank())
                ? checkedBody(request.body()) : "";
        ConversationKind kind = request.kind() == null ? ConversationKind.QUESTION : request.kind();
        if (kind == ConversationKind.CAMPAIGN && actor.isPatient()) {
            throw new InvalidRequestException("kind", "Patients cannot start campaign conversations.");
        }
        Map<String, String> details = RequestDetails.check(kind, request.details());
        boolean noSubject = request.subject() == null || request.subject().isBlank();
        String subject = checkedSubject(noSubject && RequestDetails.subjectOptional(kind)
                ? RequestDetails.subjectFor(kind, details, body) : request.subject());
        CareTeam team = teamFor(actor, kind, request.careTeamId());
        PatientId patient = patientFor(actor, request.patientId());
        if (request.providerId() != null && !team.hasMember(request.providerId())) {
            throw new InvalidRequestException("providerId", "The person you chose is not on " + team.name()
                    + ". Choose someone on that team, or anyone on the team.");
        }
        List<io.bedside.messaging.internal.Attachments.Checked> types = attachments.check(files);

        return transaction.execute(status -> {
            Instant now = Timestamps.now(clock);
            ConversationId id = ConversationId.random();
            MessageId messageId = MessageId.random();
            ConversationRow row = new ConversationRow(id, actor.practiceId(), patient, team.id(), request.providerId(),
                    kind, ConversationStatus.OPEN, Priority.ROUTINE, null,
                    cipher.encryptSubject(actor.practiceId(), id, subject), 1, now, 1, now, actor.userId(), now,
                    details.isEmpty() ? null : cipher.encryptDetails(actor.practiceId(), id, json.writeValueAsString(details)));
            conversations.insert(row);
            messages.insert(new MessageRows.Row(messageId, actor.practiceId(), id, 1, actor.userId(), actor.kind(),
                    cipher.encryptBody(actor.practiceId(), id, messageId, body), false, now));
            attachments.store(actor.practiceId(), id, messageId, files, types, now);
            readStates.advance(actor.practiceId(), id, actor, 1, now);
            audit.record(AuditRecord.allowed(actor, patient, "conversation.created", "conversation", id));
            events.publishEvent(new ConversationStarted(actor.practiceId(), id, patient, team.id(), actor.userId()));
            events.publishEvent(new MessageSent(actor.practiceId(), id, messageId, 1, patient, team.id(),
                    actor.userId(), actor.isPatient(), false));
            MessageView first = new MessageView(messageId, 1, author(actor, row, Map.of()), body, false, now);
            return new ConversationStartedView(view(actor, row, subject, 0), first);
        });
    }

    /**
     * An outreach campaign writes to one patient: a conversation of kind campaign, started by the
     * campaign's author on behalf of the care team, waiting on the patient (so the team's open
     * inbox is not flooded; a reply reopens it like any patient message). Joins the caller's
     * transaction, so a campaign can record the recipient in the same commit. Staff streams are
     * not told of each one: {@link CampaignConversationStarted} is published instead of
     * {@link ConversationStarted} and {@link MessageSent}.
     */
    public ConversationId startForCampaign(io.bedside.shared.PracticeId practice, UserId author, PatientId patient,
            io.bedside.shared.CareTeamId team, String subject, String body) {
        String checkedSubject = checkedSubject(subject);
        String checkedBody = checkedBody(body);
        people.findPatient(practice, patient).orElseThrow(() -> new NotFoundException("No such patient."));
        people.team(practice, team).orElseThrow(() -> new NotFoundException("No such care team."));
        Actor actor = new Actor(author, practice, Actor.Kind.STAFF, Set.of(), null);
        return transaction.execute(status -> {
            Instant now = Timestamps.now(clock);
            ConversationId id = ConversationId.random();
            MessageId messageId = MessageId.random();
            conversations.insert(new ConversationRow(id, practice, patient, team, null, ConversationKind.CAMPAIGN,
                    ConversationStatus.WAITING_ON_PATIENT, Priority.ROUTINE, null,
                    cipher.encryptSubject(practice, id, checkedSubject), 1, now, 1, now, author, now, null));
            messages.insert(new MessageRows.Row(messageId, practice, id, 1, author, Actor.Kind.STAFF,
                    cipher.encryptBody(practice, id, messageId, checkedBody), false, now));
            readStates.advance(practice, id, actor, 1, now);
            audit.record(AuditRecord.allowed(actor, patient, "conversation.created", "conversation", id));
            events.publishEvent(new CampaignConversationStarted(practice, id, messageId, patient, team, author));
            return id;
        });
    }

    /**
     * The team a new conversation goes to: the one asked for; for a billing request without one, the
     * practice's billing team; otherwise the caller must choose.
     */
    private CareTeam teamFor(Actor actor, ConversationKind kind, io.bedside.shared.CareTeamId requested) {
        if (requested != null) {
            return people.team(actor.practiceId(), requested)
                    .orElseThrow(() -> new InvalidRequestException("careTeamId", "There is no such care team."));
        }
        if (kind == ConversationKind.BILLING) {
            return people.billingTeam(actor.practiceId()).orElseThrow(() -> new InvalidRequestException(
                    "careTeamId", "Choose which care team should answer your billing question."));
        }
        throw new InvalidRequestException("careTeamId", "careTeamId is required.");
    }

    /**
     * The details of the caller's own latest request of a kind (the pharmacy of their last refill),
     * to offer them again. Patients only; audited as a view of that conversation.
     */
    public Map<String, String> lastRequestDetails(Actor actor, ConversationKind kind) {
        if (!actor.isPatient()) {
            return Map.of();
        }
        return conversations.latestOfKind(actor.practiceId(), actor.patientId(), kind).map(row -> {
            audit.record(AuditRecord.allowed(actor, row.patientId(), "request.details.viewed", "conversation",
                    row.id()));
            return details(row);
        }).orElse(Map.of());
    }

    /**
     * How many messages the caller has not read yet across all their conversations: the count
     * the header shows. Patients only (staff have the inbox's counts); a count, no message text.
     */
    public long unreadTotal(Actor actor) {
        return actor.isPatient() ? conversations.unreadTotal(actor.practiceId(), actor.patientId(), actor.userId())
                : 0;
    }

    /** A started conversation with its first message. */
    public record ConversationStartedView(ConversationView conversation, MessageView firstMessage) {
    }

    private PatientId patientFor(Actor actor, PatientId requested) {
        if (actor.isPatient()) {
            if (requested != null && !requested.equals(actor.patientId())) {
                throw new InvalidRequestException("patientId", "A patient can only start conversations about themselves.");
            }
            return actor.patientId();
        }
        if (requested == null) {
            throw new InvalidRequestException("patientId", "patientId is required when staff start a conversation.");
        }
        return people.findPatient(actor.practiceId(), requested)
                .orElseThrow(() -> new InvalidRequestException("patientId", "There is no such patient."));
    }

    // ---------------------------------------------------------------- list and read

    public ConversationPage list(Actor actor, ConversationStatus status, String cursor, int limit) {
        KeysetCursor after = cursor == null || cursor.isBlank() ? null : KeysetCursor.decode(cursor);
        List<ConversationRows.Listed> rows = conversations.page(actor.practiceId(),
                actor.isPatient() ? actor.patientId() : null, status, after, limit + 1, actor.userId(),
                actor.isPatient());
        boolean more = rows.size() > limit;
        List<ConversationRows.Listed> page = more ? rows.subList(0, limit) : rows;
        List<ConversationView> items = views(actor, page);
        audit.record(AuditRecord.allowed(actor, actor.patientId(), "conversations.listed", "conversations",
                status == null ? "all" : status.code()));
        String next = more ? new KeysetCursor(page.get(page.size() - 1).row().lastActivityFor(actor.isPatient()),
                page.get(page.size() - 1).row().id().value()).encode() : null;
        return new ConversationPage(items, next);
    }

    /**
     * A page of the shared inbox of one of the practice's care teams (or of all the reader's own
     * teams), with the count of every view. Staff only; a team of another practice is not found.
     */
    public InboxPage inbox(Actor actor, InboxQuery query) {
        requireStaff(actor);
        List<io.bedside.shared.CareTeamId> teams = query.team() != null
                ? List.of(people.team(actor.practiceId(), query.team())
                        .orElseThrow(() -> new NotFoundException("No such care team.")).id())
                : people.teamsOf(actor).stream().map(CareTeam::id).toList();
        ConversationRows.InboxPosition after = query.cursor() == null || query.cursor().isBlank() ? null
                : inboxPosition(query.cursor());
        List<ConversationRows.Listed> rows = conversations.inbox(actor.practiceId(), teams, query.filter(),
                query.kind(), after, query.limit() + 1, actor.userId());
        boolean more = rows.size() > query.limit();
        List<ConversationRows.Listed> page = more ? rows.subList(0, query.limit()) : rows;
        List<ConversationView> items = views(actor, page);
        audit.record(AuditRecord.allowed(actor, null, "inbox.listed", "care_team",
                query.team() == null ? "mine" : query.team().toString()));
        String next = null;
        if (more) {
            ConversationRow last = page.get(page.size() - 1).row();
            next = last.priority().ordinal() + "." + new KeysetCursor(last.lastActivityAt(), last.id().value()).encode();
        }
        return new InboxPage(items, next, conversations.inboxCounts(actor.practiceId(), teams, query.kind(),
                actor.userId()));
    }

    /**
     * One line of the latest message a person wrote in each conversation of an inbox page, for
     * staff only. Showing it discloses message text, so each conversation previewed is recorded
     * on its patient's audit trail ({@code conversation.previewed}), as opening it would be; the
     * text itself is never logged (docs/security.md). Conversations the reader may not see are
     * left out, as in the inbox itself.
     */
    public Map<ConversationId, InboxPreview> inboxPreviews(Actor actor, List<ConversationView> shown) {
        requireStaff(actor);
        if (shown.isEmpty()) {
            return Map.of();
        }
        Map<ConversationId, PatientId> patients = new java.util.LinkedHashMap<>();
        shown.forEach(c -> patients.put(c.id(), PatientId.of(c.patient().id())));
        Map<ConversationId, InboxPreview> previews = new java.util.HashMap<>();
        for (MessageRows.Row m : messages.latestWritten(actor.practiceId(), List.copyOf(patients.keySet()))) {
            String body = cipher.decryptBody(m.practiceId(), m.conversationId(), m.id(), m.bodyCiphertext());
            previews.put(m.conversationId(), new InboxPreview(InboxPreview.oneLine(body), m.internal(),
                    m.authorKind() == Actor.Kind.PATIENT));
        }
        for (ConversationId id : previews.keySet()) {
            audit.record(AuditRecord.allowed(actor, patients.get(id), "conversation.previewed", "conversation", id));
        }
        return previews;
    }

    /** A list page as the reader sees it: subjects decrypted, staff named with one lookup. */
    private List<ConversationView> views(Actor actor, List<ConversationRows.Listed> page) {
        Names names = new Names(people.staff(actor.practiceId(), staffIds(page.stream()
                .map(ConversationRows.Listed::row).toList())));
        List<ConversationView> items = new ArrayList<>();
        for (ConversationRows.Listed listed : page) {
            ConversationRow row = listed.row();
            items.add(view(actor, row, cipher.decryptSubject(row.practiceId(), row.id(), row.subjectCiphertext()),
                    listed.unread(), names));
        }
        return items;
    }

    private static ConversationRows.InboxPosition inboxPosition(String cursor) {
        int dot = cursor.indexOf('.');
        if (dot != 1 || cursor.charAt(0) < '0' || cursor.charAt(0) > '2') {
            throw new InvalidRequestException("cursor", "The cursor is not one this server gave out.");
        }
        KeysetCursor keyset = KeysetCursor.decode(cursor.substring(2));
        return new ConversationRows.InboxPosition(cursor.charAt(0) - '0', keyset.at(), keyset.id());
    }

    /** Every conversation of one patient of the practice, newest first, for staff. Audited. */
    public List<ConversationView> ofPatient(Actor actor, PatientId patient) {
        requireStaff(actor);
        people.findPatient(actor.practiceId(), patient).orElseThrow(() -> new NotFoundException("No such patient."));
        List<ConversationRow> rows = conversations.ofPatient(actor.practiceId(), patient, 100);
        Names names = new Names(people.staff(actor.practiceId(), staffIds(rows)));
        audit.record(AuditRecord.allowed(actor, patient, "conversations.listed", "patient", patient));
        return rows.stream().map(row -> view(actor, row,
                cipher.decryptSubject(row.practiceId(), row.id(), row.subjectCiphertext()), 0, names)).toList();
    }

    private void requireStaff(Actor actor) {
        if (!actor.isStaff()) {
            // Patients have no inbox: answered like a page that does not exist.
            throw new NotFoundException("Not found.");
        }
    }

    public ConversationDetails get(Actor actor, ConversationId id) {
        ConversationRow row = access.visible(actor, id, "conversation.viewed");
        audit.record(AuditRecord.allowed(actor, row.patientId(), "conversation.viewed", "conversation", id));
        String subject = cipher.decryptSubject(row.practiceId(), row.id(), row.subjectCiphertext());
        long unread = conversations.unread(id, actor.userId(), actor.isPatient());
        return new ConversationDetails(view(actor, row, subject, unread), participants(row, actor));
    }

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
        Map<UUID, List<AttachmentView>> files = rows.isEmpty() ? Map.of() : attachments.of(row.practiceId(), id);
        return rows.stream().map(m -> new MessageView(m.id(), m.seq(),
                SystemAuthor.is(m.authorId()) ? people.system(row.practiceId())
                        : m.authorKind() == Actor.Kind.STAFF ? people.staffPerson(m.authorId(), staff)
                        : new Person(m.authorId().value(), patient.displayName(), "patient"),
                cipher.decryptBody(m.practiceId(), m.conversationId(), m.id(), m.bodyCiphertext()), m.internal(),
                m.createdAt(), files.getOrDefault(m.id().value(), List.of()))).toList();
    }

    /** Everything a caller may see of one conversation, for the written record they keep. */
    public record Transcript(ConversationView conversation, List<MessageView> messages) {
    }

    public Transcript export(Actor actor, ConversationId id) {
        ConversationRow row = access.visible(actor, id, "conversation.exported");
        String subject = cipher.decryptSubject(row.practiceId(), row.id(), row.subjectCiphertext());
        List<MessageView> all = new ArrayList<>();
        long after = 0;
        List<MessageView> page;
        do {
            page = messages(actor, id, after, 200);
            all.addAll(page);
            after = page.isEmpty() ? after : page.get(page.size() - 1).seq();
        } while (page.size() == 200);
        audit.record(AuditRecord.allowed(actor, row.patientId(), "conversation.exported", "conversation", id));
        return new Transcript(view(actor, row, subject, 0), all);
    }

    // ---------------------------------------------------------------- send

    /**
     * Adds a message. With an idempotency key, a replay returns the first message; the same key
     * with another request is 422; the same key while the first is still being sent is 409.
     */
    public SentMessage send(Actor actor, ConversationId id, String text, boolean internal, String idempotencyKey) {
        return send(actor, id, text, internal, idempotencyKey, List.of());
    }

    /** As {@link #send(Actor, ConversationId, String, boolean, String)}, with photos or PDFs attached. */
    public SentMessage send(Actor actor, ConversationId id, String text, boolean internal, String idempotencyKey,
            List<NewAttachment> files) {
        String body = files.isEmpty() || (text != null && !text.isBlank()) ? checkedBody(text) : "";
        List<io.bedside.messaging.internal.Attachments.Checked> types = attachments.check(files);
        if (idempotencyKey == null) {
            return new SentMessage(sendOnce(actor, id, body, internal, null, null, files, types), false);
        }
        String key = checkedKey(idempotencyKey);
        String requestHash = requestHash(id, body, internal, files);
        var earlier = idempotencyKeys.find(actor.practiceId(), actor.userId(), key);
        if (earlier.isPresent()) {
            return replay(actor, id, earlier.get(), requestHash);
        }
        String scoped = actor.practiceId() + "/" + actor.userId() + "/" + key;
        if (!inFlight.add(scoped)) {
            throw new ConflictException("A request with this Idempotency-Key is still being processed.");
        }
        try {
            return new SentMessage(sendOnce(actor, id, body, internal, key, requestHash, files, types), false);
        } catch (DuplicateKeyException anotherNodeSentItFirst) {
            return replay(actor, id, idempotencyKeys.find(actor.practiceId(), actor.userId(), key).orElseThrow(),
                    requestHash);
        } finally {
            inFlight.remove(scoped);
        }
    }

    private MessageView sendOnce(Actor actor, ConversationId id, String body, boolean internal, String key,
            String requestHash, List<NewAttachment> files, List<io.bedside.messaging.internal.Attachments.Checked> types) {
        return transaction.execute(status -> {
            String action = internal ? "note.added" : "message.sent";
            ConversationRow row = access.visibleForUpdate(actor, id, action);
            if (internal && !actor.isStaff()) {
                audit.record(new AuditRecord(actor.practiceId(), actor, row.patientId(), action, "conversation",
                        id.toString(), false));
                throw new ForbiddenException("Only staff can write internal notes.");
            }
            Instant now = Timestamps.now(clock);
            long seq = row.lastSeq() + 1;
            MessageId messageId = MessageId.random();
            if (key != null) {
                idempotencyKeys.insert(actor.practiceId(), actor.userId(), key, requestHash, id, messageId, now);
            }
            messages.insert(new MessageRows.Row(messageId, actor.practiceId(), id, seq, actor.userId(), actor.kind(),
                    cipher.encryptBody(actor.practiceId(), id, messageId, body), internal, now));
            attachments.store(actor.practiceId(), id, messageId, files, types, now);
            // A patient writing again reopens the conversation for the team.
            ConversationStatus status2 = actor.isPatient() ? ConversationStatus.OPEN : row.status();
            conversations.recordMessage(id, seq, now, internal, status2);
            if (status2 != row.status()) {
                events.publishEvent(new ConversationUpdated(actor.practiceId(), id, row.patientId(), row.careTeamId(),
                        status2, row.priority(), row.assigneeId()));
            }
            readStates.advance(actor.practiceId(), id, actor, seq, now);
            audit.record(AuditRecord.allowed(actor, row.patientId(), action, "message", messageId));
            events.publishEvent(new MessageSent(actor.practiceId(), id, messageId, seq, row.patientId(),
                    row.careTeamId(), actor.userId(), actor.isPatient(), internal));
            return new MessageView(messageId, seq, author(actor, row, Map.of()), body, internal, now);
        });
    }

    private SentMessage replay(Actor actor, ConversationId id, IdempotencyKeys.Used used, String requestHash) {
        if (!used.requestHash().equals(requestHash) || !used.conversationId().equals(id)) {
            throw new UnprocessableException(
                    "This Idempotency-Key was already used for a different request. Use a new key for a new message.");
        }
        ConversationRow row = access.visible(actor, id, "message.sent");
        MessageRows.Row m = messages.find(actor.practiceId(), used.messageId()).orElseThrow(NotFoundException::new);
        audit.record(AuditRecord.allowed(actor, row.patientId(), "messages.read", "message", m.id()));
        return new SentMessage(new MessageView(m.id(), m.seq(), author(actor, row, Map.of()),
                cipher.decryptBody(m.practiceId(), m.conversationId(), m.id(), m.bodyCiphertext()), m.internal(),
                m.createdAt()), true);
    }

    /** A file of a conversation the caller may see; the download is audited. */
    public io.bedside.messaging.internal.Attachments.Content attachment(Actor actor, UUID attachmentId,
            boolean thumbnail) {
        var place = attachments.placeOf(actor.practiceId(), attachmentId)
                .filter(p -> actor.isStaff() || !p.internal())
                .orElseThrow(() -> {
                    audit.record(AuditRecord.denied(actor, "attachment.downloaded", "attachment", attachmentId));
                    return new NotFoundException("No such file.");
                });
        ConversationId conversation = place.conversation();
        ConversationRow row = access.visible(actor, conversation, "attachment.downloaded");
        var content = attachments.content(actor.practiceId(), conversation, attachmentId, thumbnail);
        if (!thumbnail) {
            audit.record(AuditRecord.allowed(actor, row.patientId(), "attachment.downloaded", "attachment",
                    attachmentId));
        }
        return content;
    }

    // ---------------------------------------------------------------- Bedside's own messages

    /**
     * Bedside writes into a conversation itself (the after-hours reply, emergency guidance). Joins
     * the caller's transaction: a reply to a patient's message commits with that message. The
     * patient sees it like a message from the team; live streams learn of it; no notification is
     * sent for it.
     */
    public MessageView postSystemMessage(io.bedside.shared.PracticeId practice, ConversationId id, String text,
            String action) {
        return transaction.execute(status -> {
            ConversationRow row = conversations.findForUpdate(practice, id)
                    .orElseThrow(() -> new NotFoundException("No such conversation."));
            Instant now = Timestamps.now(clock);
            long seq = row.lastSeq() + 1;
            MessageId messageId = MessageId.random();
            messages.insert(new MessageRows.Row(messageId, practice, id, seq, SystemAuthor.ID, Actor.Kind.STAFF,
                    cipher.encryptBody(practice, id, messageId, checkedBody(text)), false, now));
            conversations.recordMessage(id, seq, now, false, row.status());
            audit.record(new AuditRecord(practice, null, row.patientId(), action, "message", messageId.toString(), true));
            events.publishEvent(new MessageSent(practice, id, messageId, seq, row.patientId(), row.careTeamId(),
                    SystemAuthor.ID, false, false));
            return new MessageView(messageId, seq, people.system(practice),
                    text, false, now);
        });
    }

    /**
     * The text of one message, for Bedside's own checks (urgent words) right after it was sent.
     * Not for people: nothing is audited as a read by anyone.
     */
    public String bodyForSystem(io.bedside.shared.PracticeId practice, MessageId messageId) {
        MessageRows.Row m = messages.find(practice, messageId).orElseThrow(NotFoundException::new);
        return cipher.decryptBody(m.practiceId(), m.conversationId(), m.id(), m.bodyCiphertext());
    }

    /**
     * Bedside marks a conversation urgent (an urgent word), or a member of staff's action is
     * recorded as Bedside's. Audited and streamed like a change by staff.
     */
    public void setPriorityAsSystem(io.bedside.shared.PracticeId practice, ConversationId id, Priority priority,
            String action) {
        transaction.executeWithoutResult(tx -> {
            ConversationRow row = conversations.findForUpdate(practice, id)
                    .orElseThrow(() -> new NotFoundException("No such conversation."));
            conversations.triage(id, row.status(), priority, row.assigneeId());
            audit.record(new AuditRecord(practice, null, row.patientId(), action, "conversation", id.toString(), true));
            events.publishEvent(new ConversationUpdated(practice, id, row.patientId(), row.careTeamId(),
                    row.status(), priority, row.assigneeId()));
        });
    }

    /**
     * Facts about a conversation that Bedside's own rules need (no PHI): its provider is the one
     * the patient named (or null), its assignee whoever staff assigned it to (or null).
     */
    public record Facts(ConversationId id, PatientId patientId, io.bedside.shared.CareTeamId careTeamId,
            ConversationStatus status, Priority priority, long lastPublicSeq, UserId providerId, UserId assigneeId) {
    }

    public java.util.Optional<Facts> factsForSystem(io.bedside.shared.PracticeId practice, ConversationId id) {
        return conversations.find(practice, id).map(r -> new Facts(r.id(), r.patientId(), r.careTeamId(), r.status(),
                r.priority(), r.lastPublicSeq(), r.providerId(), r.assigneeId()));
    }

    /**
     * Whether {@code reader} has not yet read a message of one of these conversations written at
     * or after {@code since} by the other side (by the patient when {@code byPatient}, else by the
     * care team; never an internal note, never Bedside's own): a notice about it is still worth sending.
     */
    public boolean hasUnreadSince(io.bedside.shared.PracticeId practice, UserId reader,
            java.util.Collection<ConversationId> among, boolean byPatient, Instant since) {
        return !among.isEmpty() && messages.hasUnreadSince(practice, reader,
                among.stream().map(ConversationId::value).toList(), byPatient ? Actor.Kind.PATIENT : Actor.Kind.STAFF,
                since);
    }

    // ---------------------------------------------------------------- triage

    /**
     * Staff set a conversation's status, priority or assignee. The change is audited and every
     * participant's stream learns of it. Patients may not (403); the assignee must be active staff
     * of the practice.
     */
    public ConversationDetails update(Actor actor, ConversationId id, ConversationChange change) {
        if (change.isEmpty()) {
            throw new InvalidRequestException("status", "Say what to change: status, priority or assigneeId.");
        }
        return transaction.execute(tx -> {
            ConversationRow row = access.visibleForUpdate(actor, id, "conversation.updated");
            if (!actor.isStaff()) {
                audit.record(new AuditRecord(actor.practiceId(), actor, row.patientId(), "conversation.updated",
                        "conversation", id.toString(), false));
                throw new ForbiddenException("Only the care team can change a conversation's status, priority or assignee.");
            }
            UserId assignee = change.unassign() ? null : change.assigneeId() != null ? change.assigneeId() : row.assigneeId();
            if (change.assigneeId() != null && people.staff(actor.practiceId(), List.of(change.assigneeId())).values()
                    .stream().noneMatch(io.bedside.practice.StaffMember::active)) {
                throw new InvalidRequestException("assigneeId", "The assignee must be a member of staff of this practice.");
            }
            ConversationStatus status = change.status() != null ? change.status() : row.status();
            Priority priority = change.priority() != null ? change.priority() : row.priority();
            conversations.triage(id, status, priority, assignee);
            audit.record(AuditRecord.allowed(actor, row.patientId(), "conversation.updated", "conversation", id));
            events.publishEvent(new ConversationUpdated(actor.practiceId(), id, row.patientId(), row.careTeamId(),
                    status, priority, assignee));
            return get(actor, id);
        });
    }

    // ---------------------------------------------------------------- read receipts

    public ReadReceipt markRead(Actor actor, ConversationId id, long seq) {
        return transaction.execute(status -> {
            ConversationRow row = access.visible(actor, id, "read.marked");
            long last = row.lastSeqFor(actor.isPatient());
            if (seq < 0 || seq > last) {
                throw new InvalidRequestException("seq", "seq must be between 0 and " + last + ".");
            }
            Instant now = Timestamps.now(clock);
            boolean moved = readStates.advance(actor.practiceId(), id, actor, seq, now);
            audit.record(AuditRecord.allowed(actor, row.patientId(), "read.marked", "conversation", id));
            if (moved) {
                events.publishEvent(new ReadStateUpdated(actor.practiceId(), id, row.patientId(), row.careTeamId(),
                        actor.userId(), seq, Math.min(seq, row.lastPublicSeq()), actor.isPatient()));
            }
            return participants(row, actor).stream().filter(r -> r.userId().equals(actor.userId().value())).findFirst()
                    .orElseThrow();
        });
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Everybody taking part, with how far each has read. A patient never learns of internal
     * notes, so marks past the last message they can see are shown at that message.
     */
    private List<ReadReceipt> participants(ConversationRow row, Actor viewer) {
        long visible = row.lastSeqFor(viewer.isPatient());
        return participants(row).stream().map(r -> r.lastReadSeq() <= visible ? r
                : new ReadReceipt(r.userId(), r.displayName(), r.role(), visible, r.readAt())).toList();
    }

    private List<ReadReceipt> participants(ConversationRow row) {
        Map<UUID, ReadStates.State> states = new LinkedHashMap<>();
        readStates.of(row.practiceId(), row.id()).forEach(s -> states.put(s.userId(), s));
        List<ReadReceipt> result = new ArrayList<>();
        Person patient = people.patient(row.practiceId(), row.patientId());
        accounts.patientAccount(row.practiceId(), row.patientId()).ifPresent(user ->
                result.add(receipt(user.value(), patient.displayName(), "patient", states.remove(user.value()))));
        Set<UserId> staffIds = new HashSet<>();
        people.team(row.practiceId(), row.careTeamId()).ifPresent(team ->
                team.members().forEach(m -> staffIds.add(m.id())));
        states.values().stream().filter(s -> s.readerKind() == Actor.Kind.STAFF)
                .forEach(s -> staffIds.add(UserId.of(s.userId())));
        Map<UserId, StaffMember> staff = people.staff(row.practiceId(), staffIds);
        staffIds.stream().map(idOf -> people.staffPerson(idOf, staff))
                .sorted(java.util.Comparator.comparing(Person::displayName))
                .forEach(p -> result.add(receipt(p.id(), p.displayName(), p.role(), states.remove(p.id()))));
        // Anyone else who read it (e.g. a proxy, later) still shows.
        states.values().forEach(s -> result.add(receipt(s.userId(),
                s.readerPatientId() != null ? patient.displayName() : "Someone", s.readerKind() == Actor.Kind.PATIENT
                        ? "patient" : "staff", s)));
        return result;
    }

    private static ReadReceipt receipt(UUID user, String name, String role, ReadStates.State state) {
        return new ReadReceipt(user, name, role, state == null ? 0 : state.lastReadSeq(),
                state == null ? null : state.readAt());
    }

    private ConversationView view(Actor actor, ConversationRow row, String subject, long unread) {
        return view(actor, row, subject, unread, new Names(people.staff(row.practiceId(), staffIds(List.of(row)))));
    }

    private ConversationView view(Actor actor, ConversationRow row, String subject, long unread, Names names) {
        return new ConversationView(row.id(), subject, row.kind(), row.status(), row.priority(),
                names.team(row), names.patient(row),
                people.staffPerson(row.providerId(), names.staff), people.staffPerson(row.assigneeId(), names.staff),
                row.lastSeqFor(actor.isPatient()), row.lastActivityFor(actor.isPatient()), row.createdAt(), unread,
                details(row));
    }

    /** The names one page mentions, each looked up once however many rows mention it. */
    private final class Names {
        private final Map<UserId, StaffMember> staff;
        private final Map<io.bedside.shared.CareTeamId, CareTeamRef> teams = new java.util.HashMap<>();
        private final Map<PatientId, Person> patients = new java.util.HashMap<>();

        Names(Map<UserId, StaffMember> staff) {
            this.staff = staff;
        }

        CareTeamRef team(ConversationRow row) {
            return teams.computeIfAbsent(row.careTeamId(), id -> people.teamRef(row.practiceId(), id));
        }

        Person patient(ConversationRow row) {
            return patients.computeIfAbsent(row.patientId(), id -> people.patient(row.practiceId(), id));
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> details(ConversationRow row) {
        if (row.detailsCiphertext() == null) {
            return Map.of();
        }
        Map<String, String> stored = json.readValue(
                cipher.decryptDetails(row.practiceId(), row.id(), row.detailsCiphertext()), LinkedHashMap.class);
        // In the order the request's form asks for them.
        Map<String, String> ordered = new LinkedHashMap<>();
        RequestDetails.fieldsOf(row.kind()).forEach(f -> {
            if (stored.containsKey(f)) {
                ordered.put(f, stored.get(f));
            }
        });
        return ordered;
    }

    private static Set<UserId> staffIds(List<ConversationRow> rows) {
        Set<UserId> ids = new HashSet<>();
        for (ConversationRow row : rows) {
            if (row.providerId() != null) {
                ids.add(row.providerId());
            }
            if (row.assigneeId() != null) {
                ids.add(row.assigneeId());
            }
        }
        return ids;
    }

    private Person author(Actor actor, ConversationRow row, Map<UserId, StaffMember> known) {
        if (actor.isPatient()) {
            return new Person(actor.userId().value(), people.patient(row.practiceId(), row.patientId()).displayName(),
                    "patient");
        }
        Map<UserId, StaffMember> staff = known.containsKey(actor.userId()) ? known
                : people.staff(actor.practiceId(), List.of(actor.userId()));
        return people.staffPerson(actor.userId(), staff);
    }

    private String checkedBody(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidRequestException("body", "The message must not be empty.");
        }
        if (body.length() > properties.maxBodyCharacters()) {
            throw new InvalidRequestException("body",
                    "The message is too long: at most " + properties.maxBodyCharacters() + " characters.");
        }
        return body;
    }

    private String checkedSubject(String subject) {
        if (subject == null || subject.isBlank()) {
            throw new InvalidRequestException("subject", "Say in a few words what this is about.");
        }
        if (subject.length() > properties.maxSubjectCharacters()) {
            throw new InvalidRequestException("subject",
                    "The subject is too long: at most " + properties.maxSubjectCharacters() + " characters.");
        }
        return subject.strip();
    }

    /** The Idempotency-Key header as sent, or a 400; package-private for its fuzz test. */
    static String checkedKey(String key) {
        if (key.isBlank() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new InvalidRequestException("Idempotency-Key",
                    "The Idempotency-Key must be 1 to 255 visible ASCII characters.");
        }
        return key;
    }

    private static String requestHash(ConversationId id, String body, boolean internal, List<NewAttachment> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((id + "\n" + internal + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(body.getBytes(StandardCharsets.UTF_8));
            for (NewAttachment file : files) {
                digest.update(MessageDigest.getInstance("SHA-256").digest(file.content()));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
