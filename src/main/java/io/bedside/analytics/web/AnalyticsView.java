package io.bedside.analytics.web;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleFunction;
import java.util.stream.IntStream;

import io.bedside.analytics.CampaignOutcome;
import io.bedside.analytics.ResponseFigures;
import io.bedside.analytics.ResponseGrouping;
import io.bedside.analytics.ResponseTimes;
import io.bedside.analytics.Volume;
import io.bedside.analytics.VolumeBucket;
import io.bedside.analytics.VolumeTotals;

/**
 * What the analytics page shows, ready to print: the headline figures in words, and each chart
 * with the rows of the table beside it. Built from the service's figures; holds no patient data
 * (names of teams, staff and campaigns only).
 */
record AnalyticsView(Headline headline, Chart responseChart, List<ResponseRow> responseRows, ResponseRow responseTotal,
        Chart dayChart, List<CountRow> dayRows, Chart hourChart, List<CountRow> hourRows, Chart heatChart,
        List<String> heatHours, List<HeatRow> heatRows, Chart campaignChart, List<CampaignRow> campaignRows) {

    record Headline(String businessMedian, String businessP90, String wallClockMedian, String withinPromise,
            String answered, String conversations, String afterHours, String overdue, String urgent,
            String messagesPerConversation) {
    }

    record ResponseRow(String label, String answered, String businessMedian, String businessP90, String wallClockMedian,
            String wallClockP90, String withinPromise) {
    }

    record CountRow(String label, String conversations, String afterHours) {
    }

    record HeatRow(String weekday, List<String> counts) {
    }

    record CampaignRow(String name, String started, String targeted, String read, String replied) {
    }

    static AnalyticsView of(ResponseTimes responses, Volume days, Volume hours, Volume week,
            List<CampaignOutcome> campaigns, ZoneId zone, Readable r) {
        VolumeTotals totals = days.totals();
        ResponseFigures total = responses.total();
        Headline headline = new Headline(r.duration(total.businessMedian()), r.duration(total.businessP90()),
                r.duration(total.wallClockMedian()), total.answered() == 0 ? Readable.NONE : r.percent(total.withinPromiseShare()),
                r.number(total.answered()), r.number(totals.conversations()),
                totals.conversations() == 0 ? Readable.NONE : r.percent(totals.afterHoursShare()),
                r.number(totals.overdue()), r.number(totals.urgent()),
                totals.conversations() == 0 ? Readable.NONE : r.decimal(totals.messagesPerConversation()));

        List<ResponseRow> responseRows = responses.groups().stream()
                .map(f -> responseRow(label(responses.groupBy(), f, r), f, r)).toList();
        return new AnalyticsView(headline, responseChart(responses, r), responseRows,
                responseRow(r.text("analytics.total"), total, r),
                dayChart(days, r), days.buckets().stream()
                        .map(b -> new CountRow(r.day(b.day()), r.number(b.conversations()), r.number(b.afterHours())))
                        .toList(),
                hourChart(hours, r), hours.buckets().stream()
                        .map(b -> new CountRow(Readable.hourRange(b.hour()), r.number(b.conversations()),
                                r.number(b.afterHours())))
                        .toList(),
                heatChart(week, r), IntStream.range(0, 24).mapToObj(Readable::hour).toList(), heatRows(week, r),
                campaignChart(campaigns, r), campaigns.stream().map(c -> new CampaignRow(c.name(),
                        r.day(c.startedAt().atZone(zone).toLocalDate()), r.number(c.targeted()),
                        withShare(c.read(), c.targeted(), r), withShare(c.replied(), c.targeted(), r))).toList());
    }

    /** What a group is called: a team's or staff member's name, a kind in words, a day. */
    static String label(ResponseGrouping grouping, ResponseFigures f, Readable r) {
        return switch (grouping) {
            case KIND -> r.text("kind." + f.key());
            case DAY -> {
                try {
                    yield r.day(LocalDate.parse(f.key()));
                } catch (java.time.format.DateTimeParseException e) {
                    yield f.label();
                }
            }
            default -> f.label();
        };
    }

    private static ResponseRow responseRow(String label, ResponseFigures f, Readable r) {
        return new ResponseRow(label, r.number(f.answered()), r.duration(f.businessMedian()), r.duration(f.businessP90()),
                r.duration(f.wallClockMedian()), r.duration(f.wallClockP90()),
                f.answered() == 0 ? Readable.NONE : r.percent(f.withinPromiseShare()));
    }

    private static String withShare(long part, long whole, Readable r) {
        return whole == 0 ? r.number(part) : r.text("analytics.countShare", r.number(part), r.percent((double) part / whole));
    }

    /** Median and 90th percentile in business hours per group, in minutes or (when long) hours. */
    static Chart responseChart(ResponseTimes responses, Readable r) {
        double largestMinutes = responses.groups().stream().flatMap(f -> java.util.stream.Stream.of(f.businessMedian(),
                f.businessP90())).filter(Objects::nonNull).mapToDouble(d -> d.toSeconds() / 60.0).max().orElse(0);
        boolean inHours = largestMinutes >= 120;
        DoubleFunction<String> ticks = inHours ? v -> r.text("analytics.duration.hours", r.decimal(v))
                : v -> r.text("analytics.duration.minutes", r.decimal(v));
        List<BarChart.Row> rows = new ArrayList<>();
        for (ResponseFigures f : responses.groups()) {
            rows.add(new BarChart.Row(label(responses.groupBy(), f, r),
                    java.util.Arrays.asList(scaled(f.businessMedian(), inHours), scaled(f.businessP90(), inHours)),
                    List.of(r.duration(f.businessMedian()), r.duration(f.businessP90()))));
        }
        String label = r.text("analytics.responses.by." + responses.groupBy().code());
        return BarChart.draw(label, r.text("analytics.responses.desc"),
                List.of(r.text("analytics.median"), r.text("analytics.p90")), rows, ticks, false,
                r.text("analytics.noAnswers"), inHours ? 0 : 1);
    }

    private static Double scaled(Duration d, boolean inHours) {
        return d == null ? null : d.toSeconds() / (inHours ? 3600.0 : 60.0);
    }

    static Chart dayChart(Volume days, Readable r) {
        List<LineChart.Point> points = days.buckets().stream().map(b -> new LineChart.Point(r.shortDay(b.day()),
                r.day(b.day()) + ": " + r.text("analytics.conversationsCount", b.conversations()), b.conversations()))
                .toList();
        return LineChart.draw(r.text("analytics.days.chart"),
                r.text("analytics.days.desc", r.day(days.query().from()), r.day(days.query().to()),
                        r.number(days.totals().conversations())),
                points, v -> r.number(Math.round(v)), r.text("analytics.noConversations"));
    }

    static Chart hourChart(Volume hours, Readable r) {
        List<ColumnChart.Column> columns = hours.buckets().stream().map(b -> new ColumnChart.Column(
                Readable.hour(b.hour()), Readable.hourRange(b.hour()) + ": "
                        + r.text("analytics.conversationsCount", b.conversations()), b.conversations()))
                .toList();
        VolumeBucket busiest = hours.buckets().stream().max(java.util.Comparator.comparingLong(VolumeBucket::conversations))
                .orElse(null);
        String desc = busiest == null || busiest.conversations() == 0 ? r.text("analytics.noConversations")
                : r.text("analytics.hours.desc", Readable.hourRange(busiest.hour()), busiest.conversations());
        return ColumnChart.draw(r.text("analytics.hours.chart"), desc, columns, 3, v -> r.number(Math.round(v)),
                r.text("analytics.noConversations"));
    }

    static Chart heatChart(Volume week, Readable r) {
        List<HeatMap.Cell> cells = week.buckets().stream().map(b -> new HeatMap.Cell(b.weekday() - 1, b.hour(),
                weekday(b.weekday(), r) + " " + Readable.hourRange(b.hour()) + ": "
                        + r.text("analytics.conversationsCount", b.conversations()), b.conversations()))
                .toList();
        VolumeBucket busiest = week.buckets().stream().max(java.util.Comparator.comparingLong(VolumeBucket::conversations))
                .orElse(null);
        String desc = busiest == null || busiest.conversations() == 0 ? r.text("analytics.noConversations")
                : r.text("analytics.heat.desc", weekday(busiest.weekday(), r), Readable.hourRange(busiest.hour()),
                        busiest.conversations());
        return HeatMap.draw(r.text("analytics.heat.chart"), desc,
                IntStream.rangeClosed(1, 7).mapToObj(d -> weekday(d, r)).toList(),
                IntStream.range(0, 24).mapToObj(Readable::hour).toList(), cells, r.text("analytics.heat.low"),
                r.text("analytics.heat.high"));
    }

    private static List<HeatRow> heatRows(Volume week, Readable r) {
        List<HeatRow> rows = new ArrayList<>();
        for (int d = 1; d <= 7; d++) {
            int day = d;
            rows.add(new HeatRow(weekday(d, r), week.buckets().stream().filter(b -> b.weekday() == day)
                    .sorted(java.util.Comparator.comparingInt(VolumeBucket::hour)).map(b -> r.number(b.conversations()))
                    .toList()));
        }
        return rows;
    }

    static String weekday(int isoDay, Readable r) {
        String name = DayOfWeek.of(isoDay).getDisplayName(TextStyle.FULL, r.locale());
        return name.substring(0, 1).toUpperCase(r.locale()) + name.substring(1);
    }

    static Chart campaignChart(List<CampaignOutcome> campaigns, Readable r) {
        List<BarChart.Row> rows = campaigns.stream().map(c -> new BarChart.Row(c.name(),
                List.of((double) c.targeted(), (double) c.read(), (double) c.replied()),
                List.of(r.number(c.targeted()), withShare(c.read(), c.targeted(), r),
                        withShare(c.replied(), c.targeted(), r))))
                .toList();
        return BarChart.draw(r.text("analytics.campaigns.chart"), r.text("analytics.campaigns.desc"),
                List.of(r.text("analytics.campaigns.targeted"), r.text("analytics.campaigns.read"),
                        r.text("analytics.campaigns.replied")),
                rows, v -> r.number(Math.round(v)), true, r.text("analytics.noCampaigns"));
    }
}
