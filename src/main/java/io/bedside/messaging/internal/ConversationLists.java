package io.bedside.messaging.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.messaging.ConversationId;
import io.bedside.messaging.ConversationStatus;
import io.bedside.practice.CareTeam;
import io.bedside.shared.Actor;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.KeysetCursor;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.PatientId;

/**
 * Lists of conversations: the caller's own (keyset-paged), a care team's shared inbox with the
 * count of every view and one-line previews, a patient's page for staff, the unread count of the
 * header. Every list is audited.
 */
@Service
public class ConversationLists {

    private final ConversationRows conversations;
    private final MessageRows messages;
    private final MessageCipher cipher;
    private final People people;
    private final ConversationViews views;
    private final AuditTrail audit;
    private final java.time.Clock clock;

    ConversationLists(ConversationRows conversations, MessageRows messages, MessageCipher cipher, People people,
            ConversationViews views, AuditTrail audit, java.time.Clock clock) {
        this.clock = clock;
        this.conversations = conversations;
        this.messages = messages;
        this.cipher = cipher;
        this.people = people;
        this.views = views;
        this.audit = audit;
    }

    @Transactional
    public ConversationPage list(Actor actor, ConversationStatus status, String cursor, int limit) {
        return list(actor, true, status, cursor, limit);
    }

    /**
     * As above; a patient-side account sees the record it acts for ({@code onlyChosen}), or every
     * record of its family (a parent's list of both children), never a confidential conversation of
     * a record it is a proxy for.
     */
    @Transactional
    public ConversationPage list(Actor actor, boolean onlyChosen, ConversationStatus status, String cursor, int limit) {
        KeysetCursor after = cursor == null || cursor.isBlank() ? null : KeysetCursor.decode(cursor);
        PatientScope scope = !actor.isPatient() ? null
                : PatientScope.of(onlyChosen ? List.of(actor.actingFor(actor.patientId()).orElseThrow()) : actor.family());
        List<ConversationRows.Listed> rows = conversations.page(actor.practiceId(), scope, status, after, limit + 1,
                actor.userId(), actor.isPatient());
        boolean more = rows.size() > limit;
        List<ConversationRows.Listed> page = more ? rows.subList(0, limit) : rows;
        List<ConversationView> items = views.views(actor, page);
        String listed = status == null ? "all" : status.code();
        if (scope == null || onlyChosen) {
            audit.record(AuditRecord.allowed(actor, actor.patientId(), "conversations.listed", "conversations", listed));
        } else {
            // A family's list reads each record it shows: one row on each patient's access report.
            audit.recordAll(actor.family().stream().map(f -> AuditRecord.allowed(actor.actingAs(f.patientId()),
                    f.patientId(), "conversations.listed", "conversations", listed)).toList());
        }
        String next = more ? new KeysetCursor(page.get(page.size() - 1).row().lastActivityFor(actor.isPatient()),
                page.get(page.size() - 1).row().id().value()).encode() : null;
        return new ConversationPage(items, next);
    }

    /**
     * A page of the shared inbox of one of the practice's care teams (or of all the reader's own
     * teams), with the count of every view. Staff only; a team of another practice is not found.
     */
    @Transactional
    public InboxPage inbox(Actor actor, InboxQuery query) {
        actor.requireStaff();
        List<CareTeamId> teams = query.team() != null
                ? List.of(people.team(actor.practiceId(), query.team())
                        .orElseThrow(() -> new NotFoundException("No such care team.")).id())
                : people.teamsOf(actor).stream().map(CareTeam::id).toList();
        ConversationRows.InboxPosition after = query.cursor() == null || query.cursor().isBlank() ? null
                : inboxPosition(query.cursor());
        java.time.Instant now = io.bedside.shared.Timestamps.now(clock);
        List<ConversationRows.Listed> rows = conversations.inbox(actor.practiceId(), teams, query.filter(),
                query.kind(), after, query.limit() + 1, actor.userId(), now);
        boolean more = rows.size() > query.limit();
        List<ConversationRows.Listed> page = more ? rows.subList(0, query.limit()) : rows;
        List<ConversationView> items = views.views(actor, page);
        audit.record(AuditRecord.allowed(actor, null, "inbox.listed", "care_team",
                query.team() == null ? "mine" : query.team().toString()));
        String next = null;
        if (more) {
            ConversationRow last = page.get(page.size() - 1).row();
            next = last.priority().ordinal() + "." + new KeysetCursor(last.lastActivityAt(), last.id().value()).encode();
        }
        return new InboxPage(items, next, conversations.inboxCounts(actor.practiceId(), teams, query.kind(),
                actor.userId(), now));
    }

    /**
     * One line of the latest message a person wrote in each conversation of an inbox page, for
     * staff only. Showing it discloses message text, so each conversation previewed is recorded
     * on its patient's audit trail ({@code conversation.previewed}), as opening it would be; the
     * text itself is never logged (docs/security.md). Conversations the reader may not see are
     * left out, as in the inbox itself.
     */
    @Transactional
    public Map<ConversationId, InboxPreview> inboxPreviews(Actor actor, List<ConversationView> shown) {
        actor.requireStaff();
        if (shown.isEmpty()) {
            return Map.of();
        }
        Map<ConversationId, PatientId> patients = new LinkedHashMap<>();
        shown.forEach(c -> patients.put(c.id(), PatientId.of(c.patient().id())));
        Map<ConversationId, InboxPreview> previews = new HashMap<>();
        for (MessageRows.Row m : messages.latestWritten(actor.practiceId(), List.copyOf(patients.keySet()))) {
            String body = cipher.decryptBody(m.practiceId(), m.conversationId(), m.id(), m.bodyCiphertext());
            previews.put(m.conversationId(), new InboxPreview(InboxPreview.oneLine(body), m.internal(),
                    m.authorKind() == Actor.Kind.PATIENT));
        }
        // One row per conversation previewed, so each patient's access report shows it, written in
        // one round trip (a page previews up to 25).
        List<AuditRecord> records = new ArrayList<>();
        patients.forEach((id, patient) -> {
            if (previews.containsKey(id)) {
                records.add(AuditRecord.allowed(actor, patient, "conversation.previewed", "conversation", id));
            }
        });
        audit.recordAll(records);
        return previews;
    }

    /** Every conversation of one patient of the practice, newest first, for staff. Audited. */
    @Transactional
    public List<ConversationView> ofPatient(Actor actor, PatientId patient) {
        actor.requireStaff();
        people.findPatient(actor.practiceId(), patient).orElseThrow(() -> new NotFoundException("No such patient."));
        List<ConversationRow> rows = conversations.ofPatient(actor.practiceId(), patient, 100);
        audit.record(AuditRecord.allowed(actor, patient, "conversations.listed", "patient", patient));
        return views.viewsOf(actor, rows);
    }

    /**
     * How many messages the caller has not read yet across all their conversations: the count
     * the header shows. Patients only (staff have the inbox's counts); a count, no message text.
     */
    @Transactional
    public long unreadTotal(Actor actor) {
        return actor.isPatient()
                ? conversations.unreadTotal(actor.practiceId(), PatientScope.of(actor.family()), actor.userId()) : 0;
    }

    private static ConversationRows.InboxPosition inboxPosition(String cursor) {
        int dot = cursor.indexOf('.');
        if (dot != 1 || cursor.charAt(0) < '0' || cursor.charAt(0) > '2') {
            throw new InvalidRequestException("cursor", "The cursor is not one this server gave out.");
        }
        KeysetCursor keyset = KeysetCursor.decode(cursor.substring(2));
        return new ConversationRows.InboxPosition(cursor.charAt(0) - '0', keyset.at(), keyset.id());
    }
}
