package io.bedside.analytics.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.bedside.analytics.AnalyticsQuery;
import io.bedside.analytics.CampaignOutcome;
import io.bedside.analytics.PracticeAnalytics;
import io.bedside.analytics.ResponseFigures;
import io.bedside.analytics.ResponseTimes;
import io.bedside.analytics.Volume;
import io.bedside.analytics.VolumeBucket;
import io.bedside.practice.Practice;
import io.bedside.practice.Practices;
import io.bedside.shared.Actor;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.NotFoundException;

/**
 * The analytics page's tables as CSV files ({@code text/csv; charset=UTF-8}, an attachment with a
 * header row in the reader's language): response times per group, volume by day, hour or weekday
 * and hour, campaign outcomes. Figures are machine-readable (minutes with a decimal point, shares
 * 0..1, ISO dates); names are quoted and kept from being read as formulas ({@link Csv}). Not a
 * page: a mistake is a 400 problem document, a team the reader may not see a 404, as the API.
 */
@Controller
class AnalyticsDownloads {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final PracticeAnalytics analytics;
    private final Practices practices;
    private final MessageSource messages;

    AnalyticsDownloads(PracticeAnalytics analytics, Practices practices, MessageSource messages) {
        this.analytics = analytics;
        this.practices = practices;
        this.messages = messages;
    }

    @GetMapping("/app/analytics/response-times.csv")
    ResponseEntity<byte[]> responseTimes(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String teamId,
            @RequestParam(required = false) String groupBy, Locale locale) {
        AnalyticsForm form = checked(AnalyticsForm.read(from, to, teamId, groupBy, null));
        ResponseTimes r = analytics.responseTimes(actor, form.query(), form.responseGrouping());
        Readable words = new Readable(messages, locale);
        Csv csv = new Csv().row(words.text("analytics.csv.key"), words.text("analytics.group"),
                words.text("analytics.answered"), words.text("analytics.csv.businessMedian"),
                words.text("analytics.csv.businessP90"), words.text("analytics.csv.wallClockMedian"),
                words.text("analytics.csv.wallClockP90"), words.text("analytics.csv.withinPromise"),
                words.text("analytics.csv.withinPromiseShare"));
        for (ResponseFigures f : r.groups()) {
            figures(csv, f.key(), AnalyticsView.label(r.groupBy(), f, words), f);
        }
        figures(csv, "total", words.text("analytics.total"), r.total());
        return file("response-times-" + r.groupBy().code(), r.query(), csv);
    }

    @GetMapping("/app/analytics/volume.csv")
    ResponseEntity<byte[]> volume(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String teamId,
            @RequestParam(required = false) String groupBy, Locale locale) {
        AnalyticsForm form = checked(AnalyticsForm.read(from, to, teamId, null, groupBy));
        Volume v = analytics.volume(actor, form.query(), form.volumeGrouping());
        Readable words = new Readable(messages, locale);
        Csv csv = new Csv();
        List<String> header = new ArrayList<>();
        switch (v.groupBy()) {
            case DAY -> header.add(words.text("analytics.day"));
            case HOUR -> header.add(words.text("analytics.csv.hour"));
            case WEEKDAY_HOUR -> {
                header.add(words.text("analytics.csv.weekday"));
                header.add(words.text("analytics.csv.hour"));
            }
        }
        header.add(words.text("analytics.conversations"));
        header.add(words.text("analytics.afterHours"));
        csv.row(header);
        for (VolumeBucket b : v.buckets()) {
            List<Object> row = new ArrayList<>();
            switch (v.groupBy()) {
                case DAY -> row.add(b.day());
                case HOUR -> row.add(b.hour());
                case WEEKDAY_HOUR -> {
                    row.add(b.weekday());
                    row.add(b.hour());
                }
            }
            row.add(b.conversations());
            row.add(b.afterHours());
            csv.row(row);
        }
        return file("volume-" + v.groupBy().code(), v.query(), csv);
    }

    @GetMapping("/app/analytics/campaigns.csv")
    ResponseEntity<byte[]> campaigns(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String teamId, Locale locale) {
        AnalyticsForm form = checked(AnalyticsForm.read(from, to, teamId, null, null));
        List<CampaignOutcome> campaigns = analytics.campaigns(actor, form.query());
        // Campaigns are the whole practice's: a team filter does not narrow them, but a team the
        // reader may not see is still "not found", as on every other analytics address.
        form.query().teamId().ifPresent(team -> {
            if (analytics.teams(actor).stream().noneMatch(t -> t.id().equals(team))) {
                throw new NotFoundException("No such care team.");
            }
        });
        // The range as the service settles it (the last 30 days when none is given), for the file's name.
        LocalDate end = form.query().to() != null ? form.query().to() : practices.today(actor.practiceId());
        AnalyticsQuery settled = new AnalyticsQuery(form.query().from() != null ? form.query().from()
                : end.minusDays(29), end, form.query().teamId());
        Readable words = new Readable(messages, locale);
        ZoneId zone = practices.find(actor.practiceId()).map(Practice::timeZone).orElse(ZoneId.of("UTC"));
        Csv csv = new Csv().row(words.text("analytics.campaign"), words.text("analytics.campaigns.started"),
                words.text("analytics.campaigns.targeted"), words.text("analytics.campaigns.read"),
                words.text("analytics.campaigns.replied"));
        for (CampaignOutcome c : campaigns) {
            csv.row(c.name(), c.startedAt().atZone(zone).toLocalDate(), c.targeted(), c.read(), c.replied());
        }
        return file("campaigns", settled, csv);
    }

    private static void figures(Csv csv, String key, String label, ResponseFigures f) {
        csv.row(key, label, f.answered(), minutes(f.businessMedian()), minutes(f.businessP90()),
                minutes(f.wallClockMedian()), minutes(f.wallClockP90()), f.withinPromise(),
                f.answered() == 0 ? "" : String.format(Locale.ROOT, "%.3f", f.withinPromiseShare()));
    }

    /** Minutes with one decimal and a point ({@code 135.5}); empty when nothing was answered. */
    static String minutes(Duration d) {
        return d == null ? "" : String.format(Locale.ROOT, "%.1f", d.toSeconds() / 60.0);
    }

    private static AnalyticsForm checked(AnalyticsForm form) {
        if (!form.valid()) {
            var first = form.errors().entrySet().iterator().next();
            throw new InvalidRequestException(first.getKey(), switch (first.getValue()) {
                case "analytics.error.order" -> "The range ends before it starts: to must be on or after from.";
                case "analytics.error.tooLong" -> "The range spans more than " + AnalyticsForm.MAX_DAYS + " days.";
                case "analytics.error.groupBy" -> "groupBy is not one of the groupings offered.";
                default -> first.getKey() + " must be a date such as 2026-11-25.";
            });
        }
        return form;
    }

    private static ResponseEntity<byte[]> file(String name, AnalyticsQuery query, Csv csv) {
        String filename = "analytics-" + name + "-" + query.from() + "-to-" + query.to() + ".csv";
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }
}
