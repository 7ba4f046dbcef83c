package io.bedside.audit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.bedside.audit.AuditAction;
import io.bedside.audit.AuditAction.PatientReport;
import io.bedside.audit.AuditEntry;
import io.bedside.audit.AuditReports;
import io.bedside.audit.ConversationSubjects;
import io.bedside.shared.Actor;
import io.bedside.shared.HumanTimes;
import io.bedside.web.WebPage;

/**
 * “Who has looked at my record”: a patient's own access report, in plain words, grouped by person
 * and day (“Dr. Priya Patel, physician — today: read your conversation “Feeling unwell” (3 times)”).
 * The patient's own actions are left out unless asked for. An internal note is never named: it is
 * “your care team worked on your conversation”, so the report does not reveal that notes exist.
 */
@Controller
@WebPage
class AccessPage {

    private final AuditReports reports;
    private final ObjectProvider<ConversationSubjects> subjects;
    private final MessageSource messages;
    private final HumanTimes times;

    AccessPage(AuditReports reports, ObjectProvider<ConversationSubjects> subjects, MessageSource messages,
            HumanTimes times) {
        this.reports = reports;
        this.subjects = subjects;
        this.messages = messages;
        this.times = times;
    }

    /** One thing done, with how many times. */
    record Line(String text, int times, boolean refused) {
    }

    /** What one person did on one day; {@code role} is null for “your care team” and for yourself. */
    record Group(String who, String role, boolean mine, String day, Instant latest, List<Line> lines) {
    }

    @GetMapping("/app/access")
    String access(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String cursor,
            @RequestParam(required = false, defaultValue = "false") boolean mine, Model model, Locale locale) {
        AuditReports.Page page = reports.find(actor, actor.isPatient() ? actor.ownPatientId().orElse(actor.patientId()) : null, null, null, cursor, 50);
        ZoneId zone = model.getAttribute("zone") instanceof ZoneId z ? z : ZoneId.of("UTC");
        List<AuditEntry> shown = page.items().stream().filter(e -> mine || !isMine(actor, e)).toList();
        Map<String, String> named = subjectsOf(actor, shown);
        model.addAttribute("groups", group(actor, shown, named, zone, locale));
        model.addAttribute("mine", mine);
        model.addAttribute("nextCursor", page.nextCursor());
        return "audit/access";
    }

    /** Subjects by target id: of conversations, and of the conversations messages are in. */
    private Map<String, String> subjectsOf(Actor actor, List<AuditEntry> entries) {
        ConversationSubjects source = subjects.getIfAvailable();
        List<String> conversations = targets(entries, "conversation");
        List<String> messageIds = targets(entries, "message");
        if (source == null) {
            return Map.of();
        }
        Map<String, String> named = new HashMap<>();
        if (!conversations.isEmpty()) {
            named.putAll(source.subjects(actor, conversations));
        }
        if (!messageIds.isEmpty()) {
            named.putAll(source.subjectsOfMessages(actor, messageIds));
        }
        return named;
    }

    private static List<String> targets(List<AuditEntry> entries, String type) {
        return entries.stream().filter(e -> type.equals(e.targetType()) && e.targetId() != null)
                .map(AuditEntry::targetId).distinct().toList();
    }

    private List<Group> group(Actor actor, List<AuditEntry> entries, Map<String, String> subjects, ZoneId zone,
            Locale locale) {
        record Key(String who, LocalDate day) {
        }
        record Counted(String text, boolean refused) {
        }
        Map<Key, Group> groups = new LinkedHashMap<>();
        Map<Key, Map<Counted, Integer>> counts = new LinkedHashMap<>();
        for (AuditEntry e : entries) {
            boolean internal = shownAs(e, PatientReport.CARE_TEAM_WORK);
            boolean self = isMine(actor, e);
            String named = self ? message("access.you", locale)
                    : internal ? message("access.careTeam", locale) : e.actorName();
            String roleOf = self || internal ? null : message("role." + e.actorRole(), locale);
            String proxySuffix = " (" + e.actorRole() + ")";
            boolean proxy = !self && !internal && e.actorName() != null && e.actorName().endsWith(proxySuffix);
            // A proxy is named with how they are related, in the reader's language: "Maria Nguyen (parent)".
            String who = proxy ? e.actorName().substring(0, e.actorName().length() - proxySuffix.length())
                    + " (" + roleOf + ")" : named;
            String role = proxy ? null : roleOf;
            Key key = new Key((self ? "me" : internal ? "team" : e.actorKind() + ":" + Objects.toString(e.actorId(), who))
                    + "|" + who, e.occurredAt().atZone(zone).toLocalDate());
            groups.computeIfAbsent(key, k -> new Group(who, role, self, times.day(e.occurredAt(), zone, locale),
                    e.occurredAt(), new ArrayList<>()));
            counts.computeIfAbsent(key, k -> new LinkedHashMap<>())
                    .merge(new Counted(describe(e, internal, subjects, locale), !e.allowed()), 1, Integer::sum);
        }
        List<Group> result = new ArrayList<>();
        groups.forEach((key, g) -> {
            counts.get(key).forEach((c, n) -> g.lines().add(new Line(c.text(), n, c.refused())));
            result.add(g);
        });
        return result;
    }

    private String describe(AuditEntry e, boolean internal, Map<String, String> subjects, Locale locale) {
        boolean named = "conversation".equals(e.targetType()) || "message".equals(e.targetType());
        String subject = named && e.targetId() != null ? subjects.get(e.targetId()) : null;
        if (internal) {
            return subject == null ? message("access.workedOn", locale)
                    : messages.getMessage("access.workedOnSubject", new Object[] {subject}, locale);
        }
        if (subject != null && shownAs(e, PatientReport.NAMES_CONVERSATION)) {
            return messages.getMessage("access.subject." + e.action(), new Object[] {subject}, locale);
        }
        return messages.getMessage("audit.action." + e.action(), null, e.description(), locale);
    }

    /** How the catalogue says a patient's report shows the row's action (a code outside it: as recorded). */
    private static boolean shownAs(AuditEntry e, PatientReport way) {
        return AuditAction.ofCode(e.action()).map(a -> a.patientReport() == way).orElse(false);
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static boolean isMine(Actor actor, AuditEntry e) {
        UUID me = actor.userId() == null ? null : actor.userId().value();
        return me != null && me.equals(e.actorId());
    }
}
