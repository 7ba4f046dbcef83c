package io.bedside.audit.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import io.bedside.audit.AuditAction;
import io.bedside.audit.AuditAction.PatientReport;
import io.bedside.audit.AuditEntry;
import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditReports;
import io.bedside.audit.AuditTrail;
import io.bedside.audit.ConversationSubjects;
import io.bedside.audit.PatientNames;
import io.bedside.audit.ProxyActors;
import io.bedside.audit.internal.AuditEventRows.Reported;
import io.bedside.practice.StaffDirectory;
import io.bedside.practice.StaffMember;
import io.bedside.shared.Actor;
import io.bedside.shared.ForbiddenException;
import io.bedside.shared.KeysetCursor;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.PatientId;
import io.bedside.shared.UserId;

/** Access reports, newest first, keyset-paginated. Reading one is itself audited. */
@Service
class AccessReports implements AuditReports {

    private final AuditEventRows rows;
    private final StaffDirectory staff;
    private final PatientNames patients;
    private final AuditTrail trail;
    private final ObjectProvider<ConversationSubjects> conversations;
    private final ObjectProvider<ProxyActors> proxyActors;

    AccessReports(AuditEventRows rows, StaffDirectory staff, PatientNames patients, AuditTrail trail,
            ObjectProvider<ConversationSubjects> conversations, ObjectProvider<ProxyActors> proxyActors) {
        this.proxyActors = proxyActors;
        this.rows = rows;
        this.staff = staff;
        this.patients = patients;
        this.trail = trail;
        this.conversations = conversations;
    }

    @Override
    public Page find(Actor actor, PatientId patient, Instant from, Instant to, String cursor, int limit) {
        PatientId subject = authorize(actor, patient);
        List<Reported> found = rows.page(actor.practiceId(), subject, from, to,
                cursor == null ? null : KeysetCursor.decode(cursor), limit);
        boolean more = found.size() > limit;
        List<Reported> page = more ? found.subList(0, limit) : found;

        Set<UserId> staffIds = new HashSet<>();
        page.stream().filter(r -> "STAFF".equals(r.event().actorKind()) && r.event().actorId() != null)
                .forEach(r -> staffIds.add(UserId.of(r.event().actorId())));
        Map<UserId, StaffMember> named = staff.findAll(actor.practiceId(), staffIds);
        Map<UUID, String> patientNames = new HashMap<>();
        Map<String, String> noteConversations = noteConversations(actor, page.stream().map(Reported::event).toList());
        Map<ProxyActors.ActedFor, ProxyActors.Proxy> proxies = proxies(actor, page);

        List<AuditEntry> items = page.stream().map(r -> {
            StoredAuditEvent e = r.event();
            String name;
            String role;
            if ("STAFF".equals(e.actorKind())) {
                StaffMember m = e.actorId() == null ? null : named.get(UserId.of(e.actorId()));
                name = m == null ? "A former member of staff" : m.displayName();
                role = m == null ? "staff" : m.role().code();
            } else if ("PATIENT".equals(e.actorKind()) && proxyOf(proxies, e) != null) {
                // Someone acting for the patient is named as themselves, with how they are related.
                ProxyActors.Proxy proxy = proxyOf(proxies, e);
                name = proxy.name() + " (" + proxy.relationship() + ")";
                role = proxy.relationship();
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
            boolean hidden = actor.isPatient() && isInternalNote(e);
            String action = hidden ? AuditAction.CONVERSATION_WORKED_ON.code() : e.action();
            AuditEntry entry = new AuditEntry(e.id(), e.occurredAt(), hidden ? null : e.actorId(),
                    e.actorKind().toLowerCase(Locale.ROOT), hidden ? "Your care team" : name,
                    hidden ? "staff" : role, e.patientId(), action, describe(action, e.allowed()),
                    hidden ? "conversation" : e.targetType(),
                    hidden ? noteConversations.get(e.targetId()) : e.targetId(),
                    e.clientAddress(), e.userAgent(), e.allowed(), r.sealed());
            return actor.isPatient() ? PatientReportView.of(entry, actor) : entry;
        }).toList();
        String next = more ? new KeysetCursor(page.get(page.size() - 1).event().occurredAt(),
                page.get(page.size() - 1).event().id()).encode() : null;
        trail.record(AuditRecord.allowed(actor, subject, AuditAction.AUDIT_VIEWED, "audit",
                subject == null ? "practice" : subject));
        return new Page(items, next);
    }

    private static ProxyActors.Proxy proxyOf(Map<ProxyActors.ActedFor, ProxyActors.Proxy> proxies,
            StoredAuditEvent e) {
        ProxyActors.ActedFor acted = actedFor(e);
        return acted == null ? null : proxies.get(acted);
    }

    private static ProxyActors.ActedFor actedFor(StoredAuditEvent e) {
        return e.actorId() == null || e.actorPatientId() == null ? null
                : new ProxyActors.ActedFor(UserId.of(e.actorId()), PatientId.of(e.actorPatientId()));
    }

    /** Which patient-side rows of the page were written by a proxy, and how to name them. */
    private Map<ProxyActors.ActedFor, ProxyActors.Proxy> proxies(Actor reader, List<Reported> page) {
        ProxyActors source = proxyActors.getIfAvailable();
        Set<ProxyActors.ActedFor> acted = new HashSet<>();
        page.stream().map(Reported::event).filter(e -> "PATIENT".equals(e.actorKind())).map(AccessReports::actedFor)
                .filter(Objects::nonNull).forEach(acted::add);
        if (source == null || acted.isEmpty()) {
            return Map.of();
        }
        return source.proxies(reader.practiceId(), acted);
    }

    /** Plain words for people reading an access report; a code outside the catalogue stands for itself. */
    private static String describe(String action, boolean allowed) {
        String words = AuditAction.ofCode(action).map(AuditAction::description).orElse(action);
        return allowed ? words : "tried, and was refused: " + words;
    }

    private static boolean isInternalNote(StoredAuditEvent e) {
        return AuditAction.ofCode(e.action()).map(a -> a.patientReport() == PatientReport.CARE_TEAM_WORK)
                .orElse(false);
    }

    /** For a patient: the conversation each internal note on the page was written in (never the note's id). */
    private Map<String, String> noteConversations(Actor actor, List<StoredAuditEvent> events) {
        ConversationSubjects source = conversations.getIfAvailable();
        List<String> notes = events.stream().filter(AccessReports::isInternalNote)
                .map(StoredAuditEvent::targetId).filter(Objects::nonNull).distinct().toList();
        if (!actor.isPatient() || source == null || notes.isEmpty()) {
            return Map.of();
        }
        return source.conversationsOfMessages(actor, notes);
    }

    /**
     * Who may read which report. Not {@link Actor#requireAdmin()}: each refusal here is itself put
     * on the trail, and a patient asking for another patient's report is told it does not exist.
     */
    private PatientId authorize(Actor actor, PatientId requested) {
        if (actor.isPatient()) {
            // A patient's own report only: a proxy's view of a teenager's report would show when their
            // confidential conversations were read. The practice can give a report on request.
            PatientId own = actor.ownPatientId().orElse(null);
            if (own == null || requested != null && !requested.equals(own)) {
                trail.record(AuditRecord.denied(actor, AuditAction.AUDIT_VIEWED, "patient",
                        requested == null ? actor.patientId() : requested));
                throw new NotFoundException("No such patient.");
            }
            return own;
        }
        if (!actor.isPracticeAdmin()) {
            trail.record(AuditRecord.denied(actor, AuditAction.AUDIT_VIEWED, "audit",
                    requested == null ? "practice" : requested));
            throw new ForbiddenException("Only practice admins may read the audit trail.");
        }
        if (requested != null && patients.displayName(actor.practiceId(), requested).isEmpty()) {
            trail.record(AuditRecord.denied(actor, AuditAction.AUDIT_VIEWED, "patient", requested));
            throw new NotFoundException("No such patient.");
        }
        return requested;
    }
}
