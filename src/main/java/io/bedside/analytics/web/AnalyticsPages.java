package io.bedside.analytics.web;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.bedside.analytics.AnalyticsQuery;
import io.bedside.analytics.CampaignOutcome;
import io.bedside.analytics.PracticeAnalytics;
import io.bedside.analytics.ResponseGrouping;
import io.bedside.analytics.ResponseTimes;
import io.bedside.analytics.TeamChoice;
import io.bedside.analytics.Volume;
import io.bedside.analytics.VolumeGrouping;
import io.bedside.practice.Practice;
import io.bedside.practice.Practices;
import io.bedside.shared.Actor;
import io.bedside.shared.ForbiddenException;
import io.bedside.shared.InvalidRequestException;
import io.bedside.web.WebPage;

/**
 * {@code /app/analytics}: how the practice is doing, for practice admins (every team) and team
 * leads (their teams). A plain GET form (dates, team, grouping), headline figures in words, and
 * charts drawn on the server as SVG, each with a table of the same figures and a CSV download
 * ({@link AnalyticsDownloads}). A date the reader can fix is shown on the form; a team they may
 * not see is {@code not found}; staff who lead no team get 403, patients 404.
 */
@Controller
@WebPage
class AnalyticsPages {

    private final PracticeAnalytics analytics;
    private final Practices practices;
    private final MessageSource messages;

    AnalyticsPages(PracticeAnalytics analytics, Practices practices, MessageSource messages) {
        this.analytics = analytics;
        this.practices = practices;
        this.messages = messages;
    }

    @GetMapping("/app/analytics")
    String page(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String teamId,
            @RequestParam(required = false) String groupBy, Model model, Locale locale, HttpServletResponse response) {
        List<TeamChoice> teams = readableTeams(actor);
        AnalyticsForm form = AnalyticsForm.read(from, to, teamId, groupBy, null);
        model.addAttribute("teams", teams);
        model.addAttribute("groupings", List.of(ResponseGrouping.values()).stream().map(ResponseGrouping::code).toList());
        model.addAttribute("from", from == null ? "" : from.trim());
        model.addAttribute("to", to == null ? "" : to.trim());
        model.addAttribute("teamId", form.query().teamId().map(t -> t.value().toString()).orElse(""));
        model.addAttribute("groupBy", form.responseGrouping().code());
        Map<String, String> errors = new LinkedHashMap<>();
        form.errors().forEach((field, key) -> errors.put(field, messages.getMessage(key, null, key, locale)));
        model.addAttribute("errors", errors);
        if (!form.valid()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "analytics/page";
        }
        AnalyticsQuery query = form.query();
        ResponseTimes responses;
        Volume days;
        Volume hours;
        Volume week;
        List<CampaignOutcome> campaigns;
        try {
            responses = analytics.responseTimes(actor, query, form.responseGrouping());
            AnalyticsQuery settled = responses.query();
            Map<VolumeGrouping, Volume> volumes = analytics.volumes(actor, settled);
            days = volumes.get(VolumeGrouping.DAY);
            hours = volumes.get(VolumeGrouping.HOUR);
            week = volumes.get(VolumeGrouping.WEEKDAY_HOUR);
            campaigns = analytics.campaigns(actor, settled);
        } catch (InvalidRequestException e) {
            // A range the form could not tell was wrong (a start after today): said on the form.
            errors.put("from", messages.getMessage("analytics.error.range", null, locale));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "analytics/page";
        }
        AnalyticsQuery settled = responses.query();
        model.addAttribute("from", settled.from().toString());
        model.addAttribute("to", settled.to().toString());
        Readable readable = new Readable(messages, locale);
        model.addAttribute("range", messages.getMessage("analytics.range",
                new Object[] { readable.day(settled.from()), readable.day(settled.to()) }, locale));
        model.addAttribute("teamName", settled.teamId().flatMap(id -> teams.stream().filter(t -> t.id().equals(id))
                .map(TeamChoice::name).findFirst()).orElse(null));
        model.addAttribute("view", AnalyticsView.of(responses, days, hours, week, campaigns, zone(actor), readable));
        model.addAttribute("csv", csvQuery(settled, form.responseGrouping()));
        return "analytics/page";
    }

    /** The teams the reader may choose; a reader who may read nothing is refused before any form is read. */
    private List<TeamChoice> readableTeams(Actor actor) {
        List<TeamChoice> teams = analytics.teams(actor);
        if (teams.isEmpty() && !actor.isPracticeAdmin()) {
            actor.requireStaff();
            throw new ForbiddenException("Only practice admins and team leads can read the practice's figures.");
        }
        return teams;
    }

    private ZoneId zone(Actor actor) {
        return practices.find(actor.practiceId()).map(Practice::timeZone).orElse(ZoneId.of("UTC"));
    }

    /** The query string of the CSV links: the same range and team as the page. */
    private static Map<String, String> csvQuery(AnalyticsQuery query, ResponseGrouping grouping) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("from", query.from().toString());
        q.put("to", query.to().toString());
        q.put("teamId", query.teamId().map(t -> t.value().toString()).orElse(""));
        q.put("groupBy", grouping.code());
        return q;
    }
}
