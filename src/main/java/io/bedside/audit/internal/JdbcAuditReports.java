package io.bedside.audit.internal;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.bedside.audit.AuditEntry;
import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditReports;
import io.bedside.audit.AuditTrail;
import io.bedside.audit.ConversationSubjects;
import io.bedside.audit.PatientNames;
import io.bedside.practice.StaffDirectory;
import io.bedside.practice.StaffMember;
import io.bedside.shared.Actor;
import io.bedside.shared.ForbiddenException;
import io.bedside.shared.KeysetCursor;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.PatientId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/** Access reports, newest first, keyset-paginated. Reading one is itself audited. */
@Service
class JdbcAuditReports implements AuditReports {

    private final JdbcClient jdbc;
    private final StaffDirectory staff;
    private final PatientNames patients;
    private final AuditTrail trail;
    private final ObjectProvider<ConversationSubjects> conversations;

    JdbcAuditReports(JdbcClient jdbc, StaffDirectory staff, PatientNames patients, AuditTrail trail,
            ObjectProvider<ConversationSubjects> conversations) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.patients = patients;
        this.trail = trail;
        this.conversations = conversations;
    }

    @Override
    public Page find(Actor actor, PatientId patient, Instant from, Instant to, String cursor, int limit) {
        PatientId subject = authorize(actor, patient);
        StringBuilder sql = new StringBuilder("""
                select e.*, case when c.event_id is null then false else true end as sealed
                  from audit_event e left join audit_chain c on c.event_id = e.id
                 where e.practice_id = :practice""");
        var params = new java.util.HashMap<String, Object>();
        params.put("practice", actor.practiceId().value());
        if (subject != null) {
            sql.append(" and e.patient_id = :patient");
            params.put("patient", subject.value());
        }
        if (from != null) {
            sql.append(" and e.occurred_at >= :from");
            params.put("from", Timestamps.toDb(from));
        }
        if (to != null) {
            sql.append(" and e.occurred_at < :to");
            params.put("to", Timestamps.toDb(to));
        }
        if (cursor != null) {
            KeysetCursor after = KeysetCursor.decode(cursor);
            sql.append(" and (e.occurred_at < :cursorAt or (e.occurred_at = :cursorAt and e.id < :cursorId))");
            params.put("cursorAt", Timestamps.toDb(after.at()));
            params.put("cursorId", after.id());
        }
        sql.append(" order by e.occurred_at desc, e.id desc limit ").append(limit + 1);
        record Row(StoredAuditEvent event, boolean sealed) {
        }
        List<Row> rows = jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Row(StoredAuditEvent.map(rs, n), rs.getBoolean("sealed"))).list();
        boolean more = rows.size() > limit;
        List<Row> page = more ? rows.subList(0, limit) : rows;

        Set<UserId> staffIds = new HashSet<>();
        page.stream().filter(r -> "STAFF".equals(r.event().actorKind()) && r.event().actorId() != null)
                .forEach(r -> staffIds.add(UserId.of(r.event().actorId())));
        Map<UserId, StaffMember> named = staff.findAll(actor.practiceId(), staffIds);
        Map<UUID, String> patientNames = new java.util.HashMap<>();
        Map<String, String> noteConversations = noteConversations(actor, page.stream().map(Row::event).toList());

        List<AuditEntry> items = page.stream().map(r -> {
            StoredAuditEvent e = r.event();
            String name;
            String role;
            if ("STAFF".equals(e.actorKind())) {
                StaffMember m = e.actorId() == null ? null : named.get(UserId.of(e.actorId()));
                name = m == null ? "A former member of staff" : m.displayName();
                role = m == null ? "staff" : m.role().code();
            } else if ("PATIENT".equals(e.actorKind())) {
                name = e.actorPatientId() == null ? "A patient" : patientNames.computeIfAbsent(e.actorPatientId(),
                        id -> patients.displayName(actor.practiceId(), PatientId.of(id))
                                .orElse("A patient"));
                role = "patient";
            } else {
                name = "Bedside";
                role = "system";
            }
            // A patient never learns that internal notes exist: their report calls writing one
            // working on the conversation, as the care team's (no name, no role).
            boolean hidden = actor.isPatient() && AuditActions.INTERNAL_NOTE.equals(e.action());
            String action = hidden ? AuditActions.WORKED_ON : e.action();
            AuditEntry entry = new AuditEntry(e.id(), e.occurredAt(), hidden ? null : e.actorId(),
                    e.actorKind().toLowerCase(java.util.Locale.ROOT), hidden ? "Your care team" : name,
                    hidden ? "staff" : role, e.patientId(), action, AuditActions.describe(action, e.allowed()),
                    hidden ? "conversation" : e.targetType(),
                    hidden ? noteConversations.get(e.targetId()) : e.targetId(),
                    e.clientAddress(), e.userAgent(), e.allowed(), r.sealed());
            return actor.isPatient() ? PatientReportView.of(entry, actor) : entry;
        }).toList();
        String next = more ? new KeysetCursor(page.get(page.size() - 1).event().occurredAt(),
                page.get(page.size() - 1).event().id()).encode() : null;
        trail.record(AuditRecord.allowed(actor, subject, "audit.viewed", "audit", subject == null ? "practice" : subject));
        return new Page(items, next);
    }

    /** For a patient: the conversation each internal note on the page was written in (never the note's id). */
    private Map<String, String> noteConversations(Actor actor, List<StoredAuditEvent> events) {
        ConversationSubjects source = conversations.getIfAvailable();
        List<String> notes = events.stream().filter(e -> AuditActions.INTERNAL_NOTE.equals(e.action()))
                .map(StoredAuditEvent::targetId).filter(java.util.Objects::nonNull).distinct().toList();
        if (!actor.isPatient() || source == null || notes.isEmpty()) {
            return Map.of();
        }
        return source.conversationsOfMessages(actor, notes);
    }

    private PatientId authorize(Actor actor, PatientId requested) {
        if (actor.isPatient()) {
            if (requested != null && !requested.equals(actor.patientId())) {
                trail.record(AuditRecord.denied(actor, "audit.viewed", "patient", requested));
                throw new NotFoundException("No such patient.");
            }
            return actor.patientId();
        }
        if (!actor.isPracticeAdmin()) {
            trail.record(AuditRecord.denied(actor, "audit.viewed", "audit", requested == null ? "practice" : requested));
            throw new ForbiddenException("Only practice admins may read the audit trail.");
        }
        if (requested != null && patients.displayName(actor.practiceId(), requested).isEmpty()) {
            trail.record(AuditRecord.denied(actor, "audit.viewed", "patient", requested));
            throw new NotFoundException("No such patient.");
        }
        return requested;
    }
}
