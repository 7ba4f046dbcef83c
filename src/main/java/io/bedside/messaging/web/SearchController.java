package io.bedside.messaging.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.bedside.messaging.ConversationStatus;
import io.bedside.messaging.internal.ConversationKind;
import io.bedside.messaging.internal.MessageSearch;
import io.bedside.messaging.web.ConversationJson.ConversationSummaryJson;
import io.bedside.messaging.web.ConversationJson.MessageJson;
import io.bedside.practice.Practice;
import io.bedside.practice.Practices;
import io.bedside.shared.Actor;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.Ids;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.PageLimits;
import io.bedside.shared.PatientId;

/** {@code GET /api/v1/search}: message search (DESIGN.md). Who sees what is decided in {@link MessageSearch}. */
@RestController
class SearchController {

    record HitJson(ConversationSummaryJson conversation, MessageJson message, List<MessageSearch.Highlight> highlights) {
        @Override
        public String toString() {
            return "HitJson[" + message.id() + "]";
        }
    }

    record Page(List<HitJson> items, String nextCursor) {
    }

    private final MessageSearch search;
    private final Practices practices;

    SearchController(MessageSearch search, Practices practices) {
        this.search = search;
        this.practices = practices;
    }

    @GetMapping("/api/v1/search")
    Page search(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String q,
            @RequestParam(required = false) String teamId, @RequestParam(required = false) String status,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String patientId,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        // A date is a day of the practice's calendar, as its staff and patients read the dates of messages.
        ZoneId zone = blank(from) && blank(to) ? ZoneOffset.UTC
                : practices.find(actor.practiceId()).map(Practice::timeZone).orElse(ZoneOffset.UTC);
        var page = search.search(actor, new MessageSearch.Query(q,
                blank(teamId) ? null : CareTeamId.of(Ids.parseField("teamId", teamId)),
                blank(status) ? null : ConversationStatus.fromCode(status),
                blank(kind) ? null : ConversationKind.fromCode(kind),
                blank(patientId) ? null : PatientId.of(Ids.parseField("patientId", patientId)),
                instant("from", from, false, zone), instant("to", to, true, zone), cursor, PageLimits.check(limit, 20, 50)));
        return new Page(page.items().stream().map(h -> new HitJson(ConversationSummaryJson.of(h.conversation()),
                MessageJson.of(h.message()), h.highlights())).toList(), page.nextCursor());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /**
     * An ISO instant, or a date of the practice's calendar: {@code from} its start, {@code to} its
     * end (the whole day included), in the practice's time zone.
     */
    private static Instant instant(String name, String text, boolean endOfDay, ZoneId zone) {
        if (blank(text)) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate day = LocalDate.parse(text);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidRequestException(name,
                        name + " must be a date (2026-11-25) or an instant (2026-11-25T21:30:00Z).");
            }
        }
    }
}
