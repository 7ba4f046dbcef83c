package io.bedside.analytics.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.analytics.AnalyticsQuery;
import io.bedside.analytics.CampaignOutcome;
import io.bedside.analytics.PracticeAnalytics;
import io.bedside.analytics.ResponseFigures;
import io.bedside.analytics.ResponseGrouping;
import io.bedside.analytics.ResponseTimes;
import io.bedside.analytics.TeamChoice;
import io.bedside.analytics.Volume;
import io.bedside.analytics.VolumeBucket;
import io.bedside.analytics.VolumeGrouping;
import io.bedside.analytics.VolumeTotals;
import io.bedside.outreach.Campaign;
import io.bedside.outreach.Campaigns;
import io.bedside.practice.CareTeam;
import io.bedside.practice.CareTeams;
import io.bedside.practice.Practices;
import io.bedside.practice.StaffDirectory;
import io.bedside.practice.StaffMember;
import io.bedside.shared.Actor;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.ForbiddenException;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.UserId;

/**
 * The practice's figures from the analytics tables. Who may read: a practice admin, the whole
 * practice; a member of staff who leads teams, those teams; other staff are refused (403), a
 * patient is answered "not found" (the address is staff-only). Reads are not audited: the tables
 * hold no patient data (docs/security.md).
 */
@Service
class AnalyticsService implements PracticeAnalytics {

    /** The longest range asked about, in days (both ends included). */
    static final int MAX_DAYS = 366;

    /** The range when none is given: the last 30 days up to today on the practice's calendar. */
    static final int DEFAULT_DAYS = 30;

    private final AnalyticsRows rows;
    private final CareTeams careTeams;
    private final StaffDirectory staff;
    private final Practices practices;
    private final Campaigns campaigns;

    AnalyticsService(AnalyticsRows rows, CareTeams careTeams, StaffDirectory staff, Practices practices,
            Campaigns campaigns) {
        this.rows = rows;
        this.careTeams = careTeams;
        this.staff = staff;
        this.practices = practices;
        this.campaigns = campaigns;
    }

    /** What a reader may see: the teams (by id, in name order), and whether that is the whole practice. */
    private record Scope(Map<CareTeamId, String> teams, boolean wholePractice) {
    }

    private Optional<Scope> scopeOf(Actor reader) {
        if (!reader.isStaff()) {
            return Optional.empty();
        }
        List<CareTeam> all = careTeams.inPractice(reader.practiceId());
        List<CareTeam> seen = reader.isPracticeAdmin() ? all : all.stream()
                .filter(t -> reader.userId().equals(careTeams.contacts(reader.practiceId(), t.id()).lead())).toList();
        if (seen.isEmpty() && !reader.isPracticeAdmin()) {
            return Optional.empty();
        }
        Map<CareTeamId, String> teams = new LinkedHashMap<>();
        seen.stream().sorted(Comparator.comparing(CareTeam::name)).forEach(t -> teams.put(t.id(), t.name()));
        return Optional.of(new Scope(teams, reader.isPracticeAdmin()));
    }

    private Scope requireScope(Actor reader) {
        reader.requireStaff();
        return scopeOf(reader).orElseThrow(
                () -> new ForbiddenException("Only practice admins and team leads can read the practice's figures."));
    }

    /** The query with its range settled (defaults filled in) and checked. */
    private AnalyticsQuery settle(Actor reader, AnalyticsQuery query) {
        LocalDate to = query == null || query.to() == null ? practices.today(reader.practiceId()) : query.to();
        LocalDate from = query == null || query.from() == null ? to.minusDays(DEFAULT_DAYS - 1) : query.from();
        if (to.isBefore(from)) {
            throw new InvalidRequestException("to", "The range ends before it starts: to must be on or after from.");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new InvalidRequestException("from", "The range spans more than " + MAX_DAYS + " days.");
        }
        return new AnalyticsQuery(from, to, query == null || query.teamId() == null ? Optional.empty() : query.teamId());
    }

    /** The teams to count: the one asked about (if the reader may see it), else all the reader sees (null: every team). */
    private List<CareTeamId> teamsOf(Scope scope, AnalyticsQuery query) {
        if (query.teamId().isPresent()) {
            CareTeamId team = query.teamId().get();
            if (!scope.teams().containsKey(team)) {
                throw new NotFoundException("No such care team.");
            }
            return List.of(team);
        }
        return scope.wholePractice() ? null : List.copyOf(scope.teams().keySet());
    }

    @Override
    public List<TeamChoice> teams(Actor reader) {
        return scopeOf(reader).map(s -> s.teams().entrySet().stream().map(e -> new TeamChoice(e.getKey(), e.getValue()))
                .toList()).orElse(List.of());
    }

    /** Read-write: figures by day are kept once worked out. */
    @Override
    @Transactional
    public ResponseTimes responseTimes(Actor reader, AnalyticsQuery query, ResponseGrouping groupBy) {
        Scope scope = requireScope(reader);
        AnalyticsQuery q = settle(reader, query);
        ResponseGrouping grouping = groupBy == null ? ResponseGrouping.TEAM : groupBy;
        List<CareTeamId> teams = teamsOf(scope, q);
        if (grouping == ResponseGrouping.DAY && (teams == null || teams.size() == 1)) {
            return byDay(reader, q, teams, teams == null ? "all" : teams.get(0).value().toString());
        }
        Map<String, Group> byKey = new HashMap<>();
        Group all = new Group();
        for (AnalyticsRows.BucketCount c : rows.responseBuckets(reader.practiceId(), q.from(), q.to(), teams,
                AnalyticsRows.ResponseKey.valueOf(grouping.name()))) {
            byKey.computeIfAbsent(c.key(), k -> new Group()).add(c);
            all.add(c);
        }
        Map<String, String> labels = labels(reader, grouping, byKey.keySet());
        List<ResponseFigures> groups = byKey.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue().figures(e.getKey(), labels.getOrDefault(e.getKey(), e.getKey()))).toList();
        return new ResponseTimes(q, grouping, all.figures("total", "total"), groups);
    }

    /**
     * By day, for the whole practice or one team: each day's figures are kept once worked out
     * ({@code analytics_response_day}) and worked out again only when the day's count of answered
     * waits has changed, so a year of days reads one count per day and the kept rows, plus the
     * histogram of the whole range for the total.
     */
    private ResponseTimes byDay(Actor reader, AnalyticsQuery q, List<CareTeamId> teams, String scopeKey) {
        var practice = reader.practiceId();
        Map<LocalDate, Long> counts = rows.answeredByDay(practice, q.from(), q.to(), teams);
        Map<LocalDate, AnalyticsRows.DayFigures> kept = rows.keptDays(practice, scopeKey, q.from(), q.to());
        List<LocalDate> stale = counts.entrySet().stream()
                .filter(e -> !kept.containsKey(e.getKey()) || kept.get(e.getKey()).answered() != e.getValue())
                .map(Map.Entry::getKey).sorted().toList();
        if (!stale.isEmpty()) {
            Map<String, Group> fresh = new HashMap<>();
            rows.responseBuckets(practice, stale.get(0), stale.get(stale.size() - 1), teams,
                    AnalyticsRows.ResponseKey.DAY, stale.size() > 300 ? null : stale)
                    .forEach(c -> fresh.computeIfAbsent(c.key(), k -> new Group()).add(c));
            fresh.forEach((key, group) -> {
                LocalDate day = LocalDate.parse(key);
                if (counts.containsKey(day)) {
                    AnalyticsRows.DayFigures figures = group.day(day);
                    rows.keepDay(practice, scopeKey, figures);
                    kept.put(day, figures);
                }
            });
        }
        Group all = new Group();
        rows.responseBuckets(practice, q.from(), q.to(), teams, null).forEach(all::add);
        List<ResponseFigures> groups = counts.keySet().stream().sorted().map(kept::get).filter(java.util.Objects::nonNull)
                .map(d -> new ResponseFigures(d.day().toString(), d.day().toString(), d.answered(),
                        seconds(d.businessMedian()), seconds(d.businessP90()), seconds(d.wallMedian()),
                        seconds(d.wallP90()), d.withinPromise()))
                .toList();
        return new ResponseTimes(q, ResponseGrouping.DAY, all.figures("total", "total"), groups);
    }

    private static Duration seconds(Long value) {
        return value == null ? null : Duration.ofSeconds(value);
    }

    /** One group's histograms: business time, wall-clock time (and how many were within the promise). */
    private static final class Group {
        final Histogram business = new Histogram();
        final Histogram wall = new Histogram();
        long withinPromise;

        void add(AnalyticsRows.BucketCount c) {
            if (c.business()) {
                business.add(c.bucket(), c.waits());
            } else {
                wall.add(c.bucket(), c.waits());
                withinPromise += c.withinPromise();
            }
        }

        AnalyticsRows.DayFigures day(LocalDate day) {
            return new AnalyticsRows.DayFigures(day, wall.total(), withinPromise, secondsOf(business.percentile(0.5)),
                    secondsOf(business.percentile(0.9)), secondsOf(wall.percentile(0.5)), secondsOf(wall.percentile(0.9)));
        }

        private static Long secondsOf(Duration d) {
            return d == null ? null : d.toSeconds();
        }

        ResponseFigures figures(String key, String label) {
            return new ResponseFigures(key, label, wall.total(), business.percentile(0.5), business.percentile(0.9),
                    wall.percentile(0.5), wall.percentile(0.9), withinPromise);
        }
    }

    private Map<String, String> labels(Actor reader, ResponseGrouping grouping, java.util.Set<String> keys) {
        Map<String, String> labels = new HashMap<>();
        switch (grouping) {
            case TEAM -> {
                careTeams.inPractice(reader.practiceId()).forEach(t -> labels.put(t.id().value().toString(), t.name()));
            }
            case STAFF -> {
                List<UserId> ids = keys.stream().map(k -> UserId.of(UUID.fromString(k))).toList();
                Map<UserId, StaffMember> members = staff.findAll(reader.practiceId(), ids);
                members.forEach((id, m) -> labels.put(id.value().toString(), m.displayName()));
            }
            default -> {
                // kinds and days are their own labels
            }
        }
        return labels;
    }

    @Override
    public Volume volume(Actor reader, AnalyticsQuery query, VolumeGrouping groupBy) {
        return volumes(reader, query).get(groupBy == null ? VolumeGrouping.DAY : groupBy);
    }

    /**
     * One query counts the range by day and hour of the day; each grouping is a fold of those rows
     * (at most 24 a day), so a page showing all three reads the table once.
     */
    @Override
    public Map<VolumeGrouping, Volume> volumes(Actor reader, AnalyticsQuery query) {
        Scope scope = requireScope(reader);
        AnalyticsQuery q = settle(reader, query);
        List<AnalyticsRows.VolumeRow> counted = rows.volume(reader.practiceId(), q.from(), q.to(), teamsOf(scope, q));
        VolumeTotals totals = new VolumeTotals(sum(counted, AnalyticsRows.VolumeRow::conversations),
                sum(counted, AnalyticsRows.VolumeRow::afterHours), sum(counted, AnalyticsRows.VolumeRow::overdue),
                sum(counted, AnalyticsRows.VolumeRow::urgent), sum(counted, AnalyticsRows.VolumeRow::patientMessages),
                sum(counted, AnalyticsRows.VolumeRow::staffMessages));
        Map<LocalDate, long[]> byDay = new HashMap<>();
        long[][] byHour = new long[24][2];
        long[][] byCell = new long[7 * 24][2];
        for (AnalyticsRows.VolumeRow r : counted) {
            add(byDay.computeIfAbsent(r.day(), d -> new long[2]), r);
            add(byHour[r.hour()], r);
            add(byCell[(r.day().getDayOfWeek().getValue() - 1) * 24 + r.hour()], r);
        }
        List<VolumeBucket> days = new ArrayList<>();
        for (LocalDate day = q.from(); !day.isAfter(q.to()); day = day.plusDays(1)) {
            long[] c = byDay.getOrDefault(day, new long[2]);
            days.add(new VolumeBucket(day.toString(), day, null, null, c[0], c[1]));
        }
        List<VolumeBucket> hours = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
            hours.add(new VolumeBucket(String.valueOf(hour), null, null, hour, byHour[hour][0], byHour[hour][1]));
        }
        List<VolumeBucket> cells = new ArrayList<>();
        for (int weekday = 1; weekday <= 7; weekday++) {
            for (int hour = 0; hour < 24; hour++) {
                long[] c = byCell[(weekday - 1) * 24 + hour];
                cells.add(new VolumeBucket(weekday + "-" + hour, null, weekday, hour, c[0], c[1]));
            }
        }
        Map<VolumeGrouping, Volume> all = new EnumMap<>(VolumeGrouping.class);
        all.put(VolumeGrouping.DAY, new Volume(q, VolumeGrouping.DAY, totals, List.copyOf(days)));
        all.put(VolumeGrouping.HOUR, new Volume(q, VolumeGrouping.HOUR, totals, List.copyOf(hours)));
        all.put(VolumeGrouping.WEEKDAY_HOUR, new Volume(q, VolumeGrouping.WEEKDAY_HOUR, totals, List.copyOf(cells)));
        return all;
    }

    private static void add(long[] counts, AnalyticsRows.VolumeRow row) {
        counts[0] += row.conversations();
        counts[1] += row.afterHours();
    }

    private static long sum(List<AnalyticsRows.VolumeRow> rows, java.util.function.ToLongFunction<AnalyticsRows.VolumeRow> f) {
        return rows.stream().mapToLong(f).sum();
    }

    @Override
    public List<CampaignOutcome> campaigns(Actor reader, AnalyticsQuery query) {
        requireScope(reader);
        AnalyticsQuery q = settle(reader, query);
        var zone = practices.find(reader.practiceId()).map(p -> p.timeZone()).orElse(java.time.ZoneOffset.UTC);
        return campaigns.list(reader).stream().filter(c -> c.startedAt() != null).filter(c -> {
            LocalDate day = c.startedAt().atZone(zone).toLocalDate();
            return !day.isBefore(q.from()) && !day.isAfter(q.to());
        }).sorted(Comparator.comparing(Campaign::startedAt).reversed())
                .map(c -> new CampaignOutcome(c.id().value().toString(), c.name(), c.startedAt(), c.funnel().targeted(),
                        c.funnel().read(), c.funnel().replied()))
                .toList();
    }
}
