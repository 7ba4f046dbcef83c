package io.bedside.analytics.web;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.bedside.analytics.AnalyticsQuery;
import io.bedside.analytics.PracticeAnalytics;
import io.bedside.analytics.ResponseFigures;
import io.bedside.analytics.ResponseGrouping;
import io.bedside.analytics.ResponseTimes;
import io.bedside.analytics.Volume;
import io.bedside.analytics.VolumeBucket;
import io.bedside.analytics.VolumeGrouping;
import io.bedside.analytics.VolumeTotals;
import io.bedside.shared.Actor;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.Ids;
import io.bedside.shared.InvalidRequestException;

/**
 * {@code GET /api/v1/analytics/response-times} and {@code /volume} (DESIGN.md): practice admins and
 * team leads. Durations are whole seconds, shares numbers from 0 to 1. Who sees what is decided in
 * {@link PracticeAnalytics}.
 */
@RestController
class AnalyticsController {

    record FiguresJson(String key, String label, long answered, Long businessMedianSeconds, Long businessP90Seconds,
            Long wallClockMedianSeconds, Long wallClockP90Seconds, long withinPromise, double withinPromiseShare) {

        static FiguresJson of(ResponseFigures f) {
            return new FiguresJson(f.key(), f.label(), f.answered(), seconds(f.businessMedian()),
                    seconds(f.businessP90()), seconds(f.wallClockMedian()), seconds(f.wallClockP90()), f.withinPromise(),
                    f.withinPromiseShare());
        }
    }

    record ResponseTimesJson(LocalDate from, LocalDate to, String teamId, String groupBy, FiguresJson total,
            List<FiguresJson> groups) {
    }

    record TotalsJson(long conversations, long afterHours, double afterHoursShare, long overdue, long urgent,
            long patientMessages, long staffMessages, double messagesPerConversation) {

        static TotalsJson of(VolumeTotals t) {
            return new TotalsJson(t.conversations(), t.afterHours(), t.afterHoursShare(), t.overdue(), t.urgent(),
                    t.patientMessages(), t.staffMessages(), t.messagesPerConversation());
        }
    }

    record BucketJson(String key, LocalDate day, Integer weekday, Integer hour, long conversations, long afterHours) {

        static BucketJson of(VolumeBucket b) {
            return new BucketJson(b.key(), b.day(), b.weekday(), b.hour(), b.conversations(), b.afterHours());
        }
    }

    record VolumeJson(LocalDate from, LocalDate to, String teamId, String groupBy, TotalsJson totals,
            List<BucketJson> buckets) {
    }

    private final PracticeAnalytics analytics;

    AnalyticsController(PracticeAnalytics analytics) {
        this.analytics = analytics;
    }

    @GetMapping("/api/v1/analytics/response-times")
    ResponseTimesJson responseTimes(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String teamId,
            @RequestParam(required = false) String groupBy) {
        ResponseGrouping grouping = blank(groupBy) ? ResponseGrouping.TEAM : parse(ResponseGrouping.values(), groupBy,
                "team, kind, staff or day");
        ResponseTimes r = analytics.responseTimes(actor, query(from, to, teamId), grouping);
        return new ResponseTimesJson(r.query().from(), r.query().to(), teamIdOf(r.query()), r.groupBy().code(),
                FiguresJson.of(r.total()), r.groups().stream().map(FiguresJson::of).toList());
    }

    @GetMapping("/api/v1/analytics/volume")
    VolumeJson volume(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String teamId,
            @RequestParam(required = false) String groupBy) {
        VolumeGrouping grouping = blank(groupBy) ? VolumeGrouping.DAY : parse(VolumeGrouping.values(), groupBy,
                "day, hour or weekday-hour");
        Volume v = analytics.volume(actor, query(from, to, teamId), grouping);
        return new VolumeJson(v.query().from(), v.query().to(), teamIdOf(v.query()), v.groupBy().code(),
                TotalsJson.of(v.totals()), v.buckets().stream().map(BucketJson::of).toList());
    }

    private static String teamIdOf(AnalyticsQuery query) {
        return query.teamId().map(t -> t.value().toString()).orElse(null);
    }

    /** Missing dates are settled by the service: to is today on the practice's calendar, from 29 days before. */
    private static AnalyticsQuery query(String from, String to, String teamId) {
        return new AnalyticsQuery(day("from", from), day("to", to),
                blank(teamId) ? Optional.empty() : Optional.of(CareTeamId.of(Ids.parseField("teamId", teamId))));
    }

    private static LocalDate day(String name, String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(name, name + " must be a date such as 2026-11-25.");
        }
    }

    private static <E extends Enum<E>> E parse(E[] values, String text, String allowed) {
        String code = text.trim().toLowerCase(Locale.ROOT);
        for (E value : values) {
            if (value.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(code)) {
                return value;
            }
        }
        throw new InvalidRequestException("groupBy", "groupBy must be " + allowed + ".");
    }

    private static Long seconds(Duration duration) {
        return duration == null ? null : duration.toSeconds();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
