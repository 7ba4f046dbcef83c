package io.bedside.messaging.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.bedside.identity.Accounts;
import io.bedside.practice.StaffMember;
import io.bedside.shared.Actor;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.PatientId;
import io.bedside.shared.UserId;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns stored rows into what a reader sees: subjects and request details decrypted, people and
 * teams named (each looked up once per page), read marks capped at what the reader may see. Shared
 * by the use-case services; it decides no access and writes no audit row.
 */
@Component
class ConversationViews {

    private final ReadStateRows readStates;
    private final MessageCipher cipher;
    private final People people;
    private final Accounts accounts;
    private final JsonMapper json;
    private final java.time.Clock clock;

    ConversationViews(ReadStateRows readStates, MessageCipher cipher, People people, Accounts accounts,
            JsonMapper json, java.time.Clock clock) {
        this.clock = clock;
        this.readStates = readStates;
        this.cipher = cipher;
        this.people = people;
        this.accounts = accounts;
        this.json = json;
    }

    String subject(ConversationRow row) {
        return cipher.decryptSubject(row.practiceId(), row.id(), row.subjectCiphertext());
    }

    ConversationView view(Actor actor, ConversationRow row, String subject, long unread) {
        return view(actor, row, subject, unread, false);
    }

    /** As above, with whether the reader marked it unread for themselves. */
    ConversationView view(Actor actor, ConversationRow row, String subject, long unread, boolean markedUnread) {
        return view(actor, row, subject, unread, markedUnread,
                new Names(people.staff(row.practiceId(), staffIds(List.of(row)))));
    }

    /** A list page as the reader sees it: subjects decrypted, staff and patients each named with one lookup. */
    List<ConversationView> views(Actor actor, List<ConversationRows.Listed> page) {
        List<ConversationRow> rows = page.stream().map(ConversationRows.Listed::row).toList();
        Names names = new Names(people.staff(actor.practiceId(), staffIds(rows)));
        names.patients.putAll(people.patients(actor.practiceId(), patientIds(rows)));
        List<ConversationView> items = new ArrayList<>();
        for (ConversationRows.Listed listed : page) {
            ConversationRow row = listed.row();
            items.add(view(actor, row, subject(row), listed.unread(), listed.markedUnread(), names));
        }
        return items;
    }

    /** Rows without unread counts (a patient's page), named with one lookup. */
    List<ConversationView> viewsOf(Actor actor, List<ConversationRow> rows) {
        Names names = new Names(people.staff(actor.practiceId(), staffIds(rows)));
        names.patients.putAll(people.patients(actor.practiceId(), patientIds(rows)));
        return rows.stream().map(row -> view(actor, row, subject(row), 0, false, names)).toList();
    }

    private ConversationView view(Actor actor, ConversationRow row, String subject, long unread, boolean markedUnread,
            Names names) {
        // Snoozing is the care team's own planning: a patient never sees it.
        java.time.Instant snoozed = actor.isStaff() && row.snoozedAt(clock.instant()) ? row.snoozedUntil() : null;
        return new ConversationView(row.id(), subject, row.kind(), row.status(), row.priority(),
                names.team(row), names.patient(row),
                people.staffPerson(row.providerId(), names.staff), people.staffPerson(row.assigneeId(), names.staff),
                row.lastSeqFor(actor.isPatient()), row.lastActivityFor(actor.isPatient()), row.createdAt(), unread,
                details(row), row.confidential(), snoozed, row.mergedInto(), markedUnread && actor.isStaff());
    }

    /** The names one page mentions, each looked up once however many rows mention it. */
    private final class Names {
        private final Map<UserId, StaffMember> staff;
        private final Map<CareTeamId, CareTeamRef> teams = new HashMap<>();
        private final Map<PatientId, Person> patients = new HashMap<>();

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

    /** The request's details (pharmacy, medication...) in the order its form asks for them. */
    @SuppressWarnings("unchecked")
    Map<String, String> details(ConversationRow row) {
        if (row.detailsCiphertext() == null) {
            return Map.of();
        }
        Map<String, String> stored = json.readValue(
                cipher.decryptDetails(row.practiceId(), row.id(), row.detailsCiphertext()), LinkedHashMap.class);
        Map<String, String> ordered = new LinkedHashMap<>();
        RequestDetails.fieldsOf(row.kind()).forEach(f -> {
            if (stored.containsKey(f)) {
                ordered.put(f, stored.get(f));
            }
        });
        return ordered;
    }

    private static Set<PatientId> patientIds(List<ConversationRow> rows) {
        Set<PatientId> ids = new HashSet<>();
        rows.forEach(row -> ids.add(row.patientId()));
        return ids;
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

    /** The writer of a message being sent, as the thread shows them. */
    Person author(Actor actor, ConversationRow row) {
        if (actor.isPatient()) {
            Person patient = people.patient(row.practiceId(), row.patientId());
            if (actor.isProxy()) {
                return people.proxies(row.practiceId(), Map.of(actor.userId(), actor.relationship()), patient)
                        .get(actor.userId());
            }
            return new Person(actor.userId().value(), patient.displayName(), "patient");
        }
        return people.staffPerson(actor.userId(), people.staff(actor.practiceId(), List.of(actor.userId())));
    }

    /**
     * Everybody taking part, with how far each has read. A patient never learns of internal
     * notes, so marks past the last message they can see are shown at that message.
     */
    List<ReadReceipt> participants(ConversationRow row, Actor viewer) {
        long visible = row.lastSeqFor(viewer.isPatient());
        return participants(row).stream().map(r -> r.lastReadSeq() <= visible ? r
                : new ReadReceipt(r.userId(), r.displayName(), r.role(), visible, r.readAt())).toList();
    }

    private List<ReadReceipt> participants(ConversationRow row) {
        Map<UUID, ReadStateRows.State> states = new LinkedHashMap<>();
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
                .sorted(Comparator.comparing(Person::displayName))
                .forEach(p -> result.add(receipt(p.id(), p.displayName(), p.role(), states.remove(p.id()))));
        // Anyone else who read it (e.g. a proxy, later) still shows.
        states.values().forEach(s -> result.add(receipt(s.userId(),
                s.readerPatientId() != null ? patient.displayName() : "Someone", s.readerKind() == Actor.Kind.PATIENT
                        ? "patient" : "staff", s)));
        return result;
    }

    private static ReadReceipt receipt(UUID user, String name, String role, ReadStateRows.State state) {
        return new ReadReceipt(UserId.of(user), name, role, state == null ? 0 : state.lastReadSeq(),
                state == null ? null : state.readAt());
    }
}
