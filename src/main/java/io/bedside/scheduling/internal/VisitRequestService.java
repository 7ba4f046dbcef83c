package io.bedside.scheduling.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.audit.AuditAction;
import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.crypto.AssociatedData;
import io.bedside.crypto.PracticeEncryption;
import io.bedside.messaging.ConversationId;
import io.bedside.messaging.system.ConversationFacts;
import io.bedside.messaging.system.SystemConversations;
import io.bedside.patient.Patients;
import io.bedside.practice.Practice;
import io.bedside.practice.Practices;
import io.bedside.scheduling.PreferredTime;
import io.bedside.scheduling.VisitRequest;
import io.bedside.scheduling.VisitRequestId;
import io.bedside.scheduling.VisitRequests;
import io.bedside.scheduling.VisitStatus;
import io.bedside.scheduling.VisitType;
import io.bedside.scheduling.VisitUrgency;
import io.bedside.shared.Actor;
import io.bedside.shared.ConflictException;
import io.bedside.shared.HumanTimes;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Needs a visit: every use of a visit request, each decided and audited here. Staff of the
 * practice create one from a conversation and work it (offer a time, book, decline); the patient
 * side (the patient, or a proxy who may see the conversation) gives preferred times, accepts the
 * offered time (booking it) or declines. Anyone else, and any id of another practice, is answered
 * 404 like a missing id. Each step posts Bedside's own message into the conversation (in the
 * patient's language), so the thread shows it and both sides' pages hear of it live.
 *
 * <p>States: requested → offered → booked, and declined; an offer may be made again (after a
 * decline too); booked is final. A bad value is a 400 naming its field and changes nothing; a step
 * the state does not allow is a 409.
 */
@Service
public class VisitRequestService implements VisitRequests {

    static final int REASON_MAX = 500;
    static final int NOTE_MAX = 500;
    static final int TIMES_MAX = 3;

    private final VisitRequestRows rows;
    private final SystemConversations conversations;
    private final PracticeEncryption encryption;
    private final AuditTrail audit;
    private final Patients patients;
    private final Practices practices;
    private final MessageSource messages;
    private final HumanTimes times;
    private final JsonMapper json;
    private final Clock clock;

    VisitRequestService(VisitRequestRows rows, SystemConversations conversations, PracticeEncryption encryption,
            AuditTrail audit, Patients patients, Practices practices, MessageSource messages, HumanTimes times,
            JsonMapper json, Clock clock) {
        this.rows = rows;
        this.conversations = conversations;
        this.encryption = encryption;
        this.audit = audit;
        this.patients = patients;
        this.practices = practices;
        this.messages = messages;
        this.times = times;
        this.json = json;
        this.clock = clock;
    }

    /** Staff turn a conversation into a visit request; one open request (requested or offered) at a time. */
    @Transactional
    public VisitRequest create(Actor actor, ConversationId conversation, String reason, String urgency,
            String visitType) {
        if (!actor.isStaff()) {
            audit.record(AuditRecord.denied(actor, AuditAction.VISIT_REQUEST_CREATED, "conversation", conversation));
            throw new NotFoundException();
        }
        ConversationFacts facts = conversations.facts(actor.practiceId(), conversation).orElseThrow(() -> {
            audit.record(AuditRecord.denied(actor, AuditAction.VISIT_REQUEST_CREATED, "conversation", conversation));
            return new NotFoundException();
        });
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > REASON_MAX) {
            throw new InvalidRequestException("reason", "Give the reason for the visit, up to " + REASON_MAX + " characters.");
        }
        if (urgency == null) {
            throw new InvalidRequestException("urgency", "urgency must be one of routine, soon, today.");
        }
        if (visitType == null) {
            throw new InvalidRequestException("visitType", "visitType must be one of in_person, video, phone.");
        }
        VisitUrgency how = VisitUrgency.fromCode(urgency);
        VisitType type = VisitType.fromCode(visitType);
        if (rows.ofConversation(actor.practiceId(), conversation).stream().anyMatch(VisitRequestService::open)) {
            throw new ConflictException("This conversation already has a visit request waiting to be booked.");
        }
        VisitRequestId id = VisitRequestId.random();
        Instant now = Timestamps.now(clock);
        byte[] cipher = encryption.encrypt(actor.practiceId(), why.getBytes(StandardCharsets.UTF_8), reasonContext(id));
        VisitRequestRows.Row row = new VisitRequestRows.Row(id, actor.practiceId(), conversation, facts.patientId(),
                facts.careTeamId(), VisitStatus.REQUESTED, how, type, cipher, null, null, null, actor.userId(), now, now);
        rows.insert(row);
        audit.record(AuditRecord.allowed(actor, facts.patientId(), AuditAction.VISIT_REQUEST_CREATED, "visit_request", id));
        post(row, "visit.thread.requested", why);
        return view(row);
    }

    /** Staff may turn this conversation into a visit request: it is in their practice. 404 otherwise. */
    public void requireRequestable(Actor actor, ConversationId conversation) {
        if (!actor.isStaff() || conversations.facts(actor.practiceId(), conversation).isEmpty()) {
            audit.record(AuditRecord.denied(actor, AuditAction.VISIT_REQUEST_CREATED, "conversation", conversation));
            throw new NotFoundException();
        }
    }

    /** One request, as its reader may see it (audited as viewed). */
    @Transactional
    public VisitRequest get(Actor actor, VisitRequestId id) {
        VisitRequestRows.Row row = visible(actor, id, AuditAction.VISIT_REQUEST_VIEWED, false);
        audit.record(AuditRecord.allowed(actor, row.patientId(), AuditAction.VISIT_REQUEST_VIEWED, "visit_request", id));
        return view(row);
    }

    /**
     * The requests of a conversation its reader is already allowed to see (the thread page's
     * cards), newest first; each shown one is audited as viewed.
     */
    @Transactional
    public List<VisitRequest> ofConversation(Actor actor, ConversationId conversation) {
        Optional<ConversationFacts> facts = conversations.facts(actor.practiceId(), conversation);
        if (facts.isEmpty() || !(actor.isStaff() || actor.maySee(facts.get().patientId(), facts.get().confidential()))) {
            return List.of();
        }
        List<VisitRequest> result = new ArrayList<>();
        for (VisitRequestRows.Row row : rows.ofConversation(actor.practiceId(), conversation)) {
            audit.record(AuditRecord.allowed(actor, row.patientId(), AuditAction.VISIT_REQUEST_VIEWED, "visit_request", row.id()));
            result.add(view(row));
        }
        return result;
    }

    /**
     * The list: for staff, the practice's queue (one status, or all when null), oldest first; for
     * the patient side, the requests of every record the account acts for that it may see.
     */
    @Transactional
    public List<VisitRequest> list(Actor actor, VisitStatus status) {
        List<VisitRequestRows.Row> found;
        if (actor.isStaff()) {
            found = rows.queue(actor.practiceId(), status, 500);
        } else {
            List<PatientId> family = actor.family().stream().map(f -> f.patientId()).toList();
            found = rows.ofPatients(actor.practiceId(), family).stream()
                    .filter(r -> status == null || r.status() == status)
                    .filter(r -> conversations.facts(actor.practiceId(), r.conversationId())
                            .map(f -> actor.maySee(r.patientId(), f.confidential())).orElse(false))
                    .toList();
        }
        return listed(actor, found);
    }

    @Override
    @Transactional
    public List<VisitRequest> ofPatient(Actor reader, PatientId patient) {
        if (reader.isStaff()) {
            return listed(reader, rows.ofPatients(reader.practiceId(), List.of(patient)));
        }
        if (reader.actingFor(patient).isEmpty()) {
            return List.of();
        }
        Map<ConversationId, Boolean> seen = new LinkedHashMap<>();
        List<VisitRequestRows.Row> found = rows.ofPatients(reader.practiceId(), List.of(patient)).stream()
                .filter(r -> seen.computeIfAbsent(r.conversationId(), c -> conversations.facts(reader.practiceId(), c)
                        .map(f -> reader.maySee(r.patientId(), f.confidential())).orElse(false)))
                .toList();
        return listed(reader, found);
    }

    @Override
    @Transactional
    public List<VisitRequest> exportPage(PracticeId practice, VisitRequestId after, int limit, String action) {
        List<VisitRequestRows.Row> found = rows.pageById(practice, after, limit);
        audit.recordAll(found.stream().map(r -> new AuditRecord(practice, null, r.patientId(), action,
                "visit_request", r.id().toString(), true)).toList());
        return found.stream().map(this::view).toList();
    }

    @Override
    @Transactional
    public List<VisitRequest> ofPractice(Actor staff) {
        staff.requireStaff();
        return listed(staff, rows.ofPractice(staff.practiceId()));
    }

    private List<VisitRequest> listed(Actor actor, List<VisitRequestRows.Row> found) {
        Set<PatientId> read = new LinkedHashSet<>();
        found.forEach(r -> read.add(r.patientId()));
        for (PatientId patient : read) {
            audit.record(AuditRecord.allowed(actor, patient, AuditAction.VISIT_REQUESTS_LISTED, "patient", patient));
        }
        return found.stream().map(this::view).toList();
    }

    /** The patient side gives preferred times (1 to 3, from today on) and an optional note. */
    @Transactional
    public VisitRequest preferences(Actor actor, VisitRequestId id, List<PreferredTime> wanted, String note) {
        VisitRequestRows.Row row = visible(actor, id, AuditAction.VISIT_REQUEST_PREFERENCES, true);
        if (actor.isStaff()) {
            throw new NotFoundException();
        }
        if (wanted == null || wanted.isEmpty() || wanted.size() > TIMES_MAX) {
            throw new InvalidRequestException("preferredTimes", "Give one to " + TIMES_MAX + " preferred times.");
        }
        Practice practice = practice(row.practiceId());
        LocalDate today = LocalDate.ofInstant(clock.instant(), practice.timeZone());
        for (PreferredTime t : wanted) {
            if (t == null || t.date() == null || t.part() == null) {
                throw new InvalidRequestException("preferredTimes", "Each preferred time needs a day and a part of the day.");
            }
            if (t.date().isBefore(today) || t.date().isAfter(today.plusDays(180))) {
                throw new InvalidRequestException("preferredTimes", "Choose days from today to six months ahead.");
            }
        }
        String text = note == null ? "" : note.strip();
        if (text.length() > NOTE_MAX) {
            throw new InvalidRequestException("note", "The note can be up to " + NOTE_MAX + " characters.");
        }
        if (row.status() != VisitStatus.REQUESTED) {
            throw new ConflictException("Preferred times can be given only before a time is offered or booked.");
        }
        ObjectNode doc = json.createObjectNode();
        ArrayNode list = doc.putArray("times");
        wanted.forEach(t -> list.addObject().put("date", t.date().toString()).put("part", t.part().code()));
        if (!text.isEmpty()) {
            doc.put("note", text);
        }
        Instant now = Timestamps.now(clock);
        rows.setPreferences(row.practiceId(), id, encryption.encrypt(row.practiceId(),
                json.writeValueAsBytes(doc), preferencesContext(id)), now);
        audit.record(AuditRecord.allowed(actor, row.patientId(), AuditAction.VISIT_REQUEST_PREFERENCES, "visit_request", id));
        VisitRequestRows.Row after = rows.find(row.practiceId(), id).orElseThrow();
        post(after, "visit.thread.preferences");
        return view(after);
    }

    /** The front desk offers a time; the patient accepts (booking it) or declines. */
    @Transactional
    public VisitRequest offer(Actor actor, VisitRequestId id, Instant startsAt) {
        VisitRequestRows.Row row = visible(actor, id, AuditAction.VISIT_REQUEST_OFFERED, true);
        if (!actor.isStaff()) {
            throw new NotFoundException();
        }
        checkSlot(startsAt);
        if (row.status() == VisitStatus.BOOKED) {
            throw new ConflictException("This visit is already booked.");
        }
        return change(actor, row, VisitStatus.OFFERED, startsAt, AuditAction.VISIT_REQUEST_OFFERED, "visit.thread.offered");
    }

    /**
     * Books the visit: staff at a time they give (or, giving none, the time offered); the patient
     * side by accepting the time offered (no time of their own).
     */
    @Transactional
    public VisitRequest book(Actor actor, VisitRequestId id, Instant startsAt) {
        VisitRequestRows.Row row = visible(actor, id, AuditAction.VISIT_REQUEST_BOOKED, true);
        Instant at;
        if (actor.isStaff()) {
            if (startsAt != null) {
                checkSlot(startsAt);
                at = startsAt;
            } else if (row.status() == VisitStatus.OFFERED) {
                at = row.slotAt();
            } else {
                throw new InvalidRequestException("startsAt", "Give the time of the visit (startsAt), or offer one first.");
            }
        } else {
            if (startsAt != null) {
                throw new InvalidRequestException("startsAt", "Accept the time offered; the front desk books other times.");
            }
            if (row.status() != VisitStatus.OFFERED) {
                throw new ConflictException("There is no offered time to accept.");
            }
            at = row.slotAt();
        }
        if (row.status() == VisitStatus.BOOKED) {
            throw new ConflictException("This visit is already booked.");
        }
        return change(actor, row, VisitStatus.BOOKED, at, AuditAction.VISIT_REQUEST_BOOKED, "visit.thread.booked");
    }

    /** The patient turns the request (or the time offered) down, or the front desk closes it. */
    @Transactional
    public VisitRequest decline(Actor actor, VisitRequestId id) {
        VisitRequestRows.Row row = visible(actor, id, AuditAction.VISIT_REQUEST_DECLINED, true);
        if (row.status() == VisitStatus.BOOKED || row.status() == VisitStatus.DECLINED) {
            throw new ConflictException("This visit request is already " + row.status().code() + ".");
        }
        return change(actor, row, VisitStatus.DECLINED, row.slotAt(), AuditAction.VISIT_REQUEST_DECLINED,
                actor.isStaff() ? "visit.thread.closed" : "visit.thread.declined");
    }

    private VisitRequest change(Actor actor, VisitRequestRows.Row row, VisitStatus status, Instant slotAt,
            AuditAction action, String messageKey) {
        rows.setStatus(row.practiceId(), row.id(), status, slotAt, Timestamps.now(clock));
        audit.record(AuditRecord.allowed(actor, row.patientId(), action, "visit_request", row.id()));
        VisitRequestRows.Row after = rows.find(row.practiceId(), row.id()).orElseThrow();
        post(after, messageKey);
        return view(after);
    }

    private void checkSlot(Instant startsAt) {
        Instant now = clock.instant();
        if (startsAt == null) {
            throw new InvalidRequestException("startsAt", "Give the time of the visit (startsAt).");
        }
        if (startsAt.isBefore(now.minus(Duration.ofMinutes(5))) || startsAt.isAfter(now.plus(Duration.ofDays(366)))) {
            throw new InvalidRequestException("startsAt", "The visit must be in the coming year, not in the past.");
        }
    }

    /**
     * The row when the caller may see it: staff of its practice, or the patient side that may see its
     * conversation; otherwise 404 (and a refused audit row), like a missing id. Locked when it is
     * about to change.
     */
    private VisitRequestRows.Row visible(Actor actor, VisitRequestId id, AuditAction action, boolean forUpdate) {
        Optional<VisitRequestRows.Row> found = forUpdate ? rows.findForUpdate(actor.practiceId(), id)
                : rows.find(actor.practiceId(), id);
        boolean allowed = found.isPresent() && (actor.isStaff() || conversations
                .facts(actor.practiceId(), found.get().conversationId())
                .map(f -> actor.maySee(found.get().patientId(), f.confidential())).orElse(false));
        if (!allowed) {
            audit.record(AuditRecord.denied(actor, action, "visit_request", id));
            throw new NotFoundException();
        }
        return found.get();
    }

    static boolean openView(VisitRequest request) {
        return request.status() == VisitStatus.REQUESTED || request.status() == VisitStatus.OFFERED;
    }

    static boolean open(VisitRequestRows.Row row) {
        return row.status() == VisitStatus.REQUESTED || row.status() == VisitStatus.OFFERED;
    }

    private VisitRequest view(VisitRequestRows.Row row) {
        String reason = new String(encryption.decrypt(row.practiceId(), row.reasonCiphertext(), reasonContext(row.id())),
                StandardCharsets.UTF_8);
        List<PreferredTime> wanted = new ArrayList<>();
        String note = null;
        if (row.preferencesCiphertext() != null) {
            JsonNode doc = json.readTree(encryption.decrypt(row.practiceId(), row.preferencesCiphertext(),
                    preferencesContext(row.id())));
            for (JsonNode t : doc.path("times")) {
                wanted.add(new PreferredTime(LocalDate.parse(t.get("date").asString()),
                        PreferredTime.Part.fromCode(t.get("part").asString())));
            }
            note = doc.hasNonNull("note") ? doc.get("note").asString() : null;
        }
        return new VisitRequest(row.id(), row.conversationId(), row.patientId(), row.careTeamId(), row.status(),
                row.urgency(), row.visitType(), reason, wanted, note, row.preferencesAt(), row.slotAt(), row.requestedBy(),
                row.createdAt(), row.updatedAt());
    }

    /** Bedside's own message in the conversation, in the patient's language. Never logged. */
    private void post(VisitRequestRows.Row row, String key, Object... extra) {
        Practice practice = practice(row.practiceId());
        String language = patients.preferredLanguage(row.practiceId(), row.patientId()).orElse(practice.defaultLanguage());
        Locale locale = Locale.forLanguageTag(language);
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("type", messages.getMessage("visit.type." + row.visitType().code(), null, locale));
        args.put("urgency", messages.getMessage("visit.urgency." + row.urgency().code(), null, locale));
        args.put("slot", row.slotAt() == null ? "" : times.sentence(row.slotAt(), practice.timeZone(), locale));
        List<Object> values = new ArrayList<>(args.values());
        values.addAll(List.of(extra));
        String text = messages.getMessage(key, values.toArray(), locale);
        conversations.postSystemMessage(row.practiceId(), row.conversationId(), text,
                AuditAction.VISIT_REQUEST_MESSAGE_SENT.code());
    }

    private Practice practice(PracticeId id) {
        return practices.find(id).orElseThrow(NotFoundException::new);
    }

    private static AssociatedData reasonContext(VisitRequestId id) {
        return AssociatedData.of("visit_request.reason", id);
    }

    private static AssociatedData preferencesContext(VisitRequestId id) {
        return AssociatedData.of("visit_request.preferences", id);
    }
}
