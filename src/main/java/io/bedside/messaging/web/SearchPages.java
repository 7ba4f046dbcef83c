package io.bedside.messaging.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.bedside.messaging.ConversationStatus;
import io.bedside.messaging.internal.ConversationKind;
import io.bedside.messaging.internal.ConversationView;
import io.bedside.messaging.internal.MessageSearch;
import io.bedside.messaging.internal.MessageView;
import io.bedside.patient.PatientDirectory;
import io.bedside.practice.CareTeams;
import io.bedside.shared.Actor;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.Ids;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.PatientId;
import io.bedside.web.WebPage;

/**
 * The search pages over {@link MessageSearch}: staff search their practice's messages from the
 * inbox, with filters (team, status, kind, patient, dates in the practice's time zone); patients
 * and proxies search the conversations of the record they act for, from their conversation list.
 * Who sees what is decided in {@link MessageSearch}; here a filter naming another practice's team
 * or patient (or a record the reader does not act for) is "not found", like a missing id, and a
 * filter that cannot be read is said on the page, next to the form.
 */
@Controller
@WebPage
class SearchPages {

    static final int PAGE_SIZE = 20;
    private static final int MAX_QUERY = 200;

    /** One result as the page shows it. Holds PHI: never log it. */
    record Result(ConversationView conversation, MessageView message, List<SearchExcerpts.Segment> subject,
            List<SearchExcerpts.Segment> excerpt, boolean inDetails, boolean inFiles) {

        /** The conversation, scrolled to the message (the thread's items are {@code m<seq>}). */
        public String anchor() {
            return "m" + message.seq();
        }

        @Override
        public String toString() {
            return "Result[" + message.id() + "]";
        }
    }

    private final MessageSearch search;
    private final CareTeams careTeams;
    private final PatientDirectory patients;

    SearchPages(MessageSearch search, CareTeams careTeams, PatientDirectory patients) {
        this.search = search;
        this.careTeams = careTeams;
        this.patients = patients;
    }

    @GetMapping("/app/search")
    String search(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String q,
            @RequestParam(required = false) String team, @RequestParam(required = false) String status,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String patient,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String cursor, Model model) {
        boolean staff = actor.isStaff();
        String words = q == null ? "" : q.strip();
        Map<String, String> errors = new LinkedHashMap<>();
        ZoneId zone = model.getAttribute("zone") instanceof ZoneId z ? z : ZoneId.of("UTC");

        // A patient or team of another practice, or a record the reader does not act for: not found.
        PatientId patientId = blank(patient) ? null : id("patient", patient, errors, PatientId::of);
        if (patientId != null) {
            if (staff) {
                model.addAttribute("patientName", patients.patient(actor, patientId).displayName());
            } else {
                actor.actingAs(patientId);
            }
        }
        CareTeamId teamId = null;
        ConversationStatus only = null;
        ConversationKind ofKind = null;
        Instant since = null;
        Instant until = null;
        if (staff) {
            teamId = blank(team) ? null : id("team", team, errors, CareTeamId::of);
            if (teamId != null && careTeams.findInPractice(actor.practiceId(), teamId).isEmpty()) {
                throw new NotFoundException("No such care team.");
            }
            only = blank(status) ? null : code("status", errors, () -> ConversationStatus.fromCode(status));
            ofKind = blank(kind) ? null : code("kind", errors, () -> ConversationKind.fromCode(kind));
            LocalDate fromDay = day("from", from, errors);
            LocalDate toDay = day("to", to, errors);
            since = fromDay == null ? null : fromDay.atStartOfDay(zone).toInstant();
            // "To" is a whole day: up to the start of the next.
            until = toDay == null ? null : toDay.plusDays(1).atStartOfDay(zone).toInstant();
            if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
                errors.put("to", "search.error.dateOrder");
            }
            model.addAttribute("teams", careTeams.inPractice(actor.practiceId()));
            model.addAttribute("statuses", ConversationStatus.values());
            model.addAttribute("kinds", ConversationKind.values());
        }
        if (words.length() > MAX_QUERY) {
            errors.put("q", "search.error.tooLong");
        }

        boolean asked = !words.isEmpty() && errors.isEmpty();
        List<Result> results = List.of();
        String next = null;
        if (asked) {
            // A patient-side reader searches the record their pages act for, as their list shows it.
            PatientId scope = patientId != null || staff ? patientId : actor.patientId();
            try {
                MessageSearch.Page page = search.search(actor, new MessageSearch.Query(words, teamId, only, ofKind,
                        scope, since, until, blank(cursor) ? null : cursor, PAGE_SIZE));
                results = page.items().stream().map(SearchPages::result).toList();
                next = page.nextCursor();
            } catch (InvalidRequestException e) {
                errors.put(e.field() == null ? "q" : e.field(), switch (e.field() == null ? "q" : e.field()) {
                    case "q" -> "search.error.words";
                    case "cursor" -> "search.error.cursor";
                    case "to", "from" -> "search.error.dateOrder";
                    default -> "search.error.invalid";
                });
                asked = false;
            }
        }
        model.addAttribute("staff", staff);
        model.addAttribute("q", words);
        model.addAttribute("team", teamId == null ? null : teamId.value().toString());
        model.addAttribute("status", only == null ? null : only.code());
        model.addAttribute("kind", ofKind == null ? null : ofKind.code());
        model.addAttribute("patient", patientId == null ? null : patientId.value().toString());
        model.addAttribute("from", blank(from) ? null : from.strip());
        model.addAttribute("to", blank(to) ? null : to.strip());
        model.addAttribute("errors", errors);
        model.addAttribute("asked", asked);
        model.addAttribute("results", results);
        model.addAttribute("nextCursor", next);
        model.addAttribute("paged", asked && !blank(cursor));
        return "messaging/search";
    }

    private static Result result(MessageSearch.Hit hit) {
        List<MessageSearch.Highlight> highlights = hit.highlights();
        return new Result(hit.conversation(), hit.message(),
                SearchExcerpts.marked(hit.conversation().subject(), "subject", highlights),
                SearchExcerpts.excerpt(hit.message().body(), highlights),
                SearchExcerpts.foundIn("details", highlights), SearchExcerpts.foundIn("attachments", highlights));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static <T> T id(String field, String text, Map<String, String> errors,
            java.util.function.Function<java.util.UUID, T> of) {
        try {
            return of.apply(Ids.parseField(field, text.strip()));
        } catch (InvalidRequestException e) {
            errors.put(field, "search.error." + field);
            return null;
        }
    }

    private static <T> T code(String field, Map<String, String> errors, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidRequestException e) {
            errors.put(field, "search.error." + field);
            return null;
        }
    }

    /** A date as a date field sends it (2026-11-25). */
    private static LocalDate day(String field, String text, Map<String, String> errors) {
        if (blank(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "search.error.date");
            return null;
        }
    }
}
