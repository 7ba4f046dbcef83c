package io.bedside.analytics.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    @Override
    @Transactional(readOnly = true)
    public ResponseTimes responseTimes(Actor reader, AnalyticsQuery query, ResponseGrouping groupBy) {
        Scope scope = requireScope(reader);
        AnalyticsQuery q = settle(reader, query);
        ResponseGrouping grouping = groupBy == null ? ResponseGrouping.TEAM : groupBy;
        List<CareTeamId> teams = teamsOf(scope, q);
        var total = rows.responseTimes(reader.practiceId(), q.from(), q.to(), teams, null).stream().findFirst()
                .map(r -> figures(r, "total", "total"))
                .orElse(new ResponseFigures("total", "total", 0, null, null, null, null, 0));
        List<AnalyticsRows.ResponseRow> grouped = rows.responseTimes(reader.practiceId(), q.from(), q.to(), teams,
                AnalyticsRows.ResponseKey.valueOf(grouping.name()));
        Map<String, String> labels = labels(reader, scope, grouping, grouped);
        List<ResponseFigures> groups = new ArrayList<>(grouped.stream()
                .map(r -> figures(r, r.key(), labels.getOrDefault(r.key(), r.key()))).toList());
        groups.sort(Comparator.comparing(ResponseFigures::key));
        return new ResponseTimes(q, grouping, total, List.copyOf(groups));
    }

    private Map<String, String> labels(Actor reader, Scope scope, ResponseGrouping grouping,
            List<AnalyticsRows.ResponseRow> grouped) {
        Map<String, String> labels = new HashMap<>();
        switch (grouping) {
            case TEAM -> {
                careTeams.inPractice(reader.practiceId()).forEach(t -> labels.put(t.id().value().toString(), t.name()));
            }
            case STAFF -> {
                List<UserId> ids = grouped.stream().map(r -> UserId.of(UUID.fromString(r.key()))).toList();
                Map<UserId, StaffMember> members = staff.findAll(reader.practiceId(), ids);
                members.forEach((id, m) -> labels.put(id.value().toString(), m.displayName()));
            }
            default -> {
                // kinds and days are their own labels
            }
        }
        return labels;
    }

    private static ResponseFigures figures(AnalyticsRows.ResponseRow r, String key, String label) {
        return new ResponseFigures(key, label, r.answered(), seconds(r.businessMedian()), seconds(r.businessP90()),
                seconds(r.wallMedian()), seconds(r.wallP90()), r.withinPromise());
    }

    private static Duration seconds(Double value) {
        return value == null ? null : Duration.ofSeconds(Math.round(value));
    }

    @Override
    @Transactional(readOnly = true)
    public Volume volume(Actor reader, AnalyticsQuery query, VolumeGrouping groupBy) {
        Scope scope = requireScope(reader);
        AnalyticsQuery q = settle(reader, query);
        VolumeGrouping grouping = groupBy == null ? VolumeGrouping.DAY : groupBy;
        List<CareTeamId> teams = teamsOf(scope, q);
        AnalyticsRows.Totals t = rows.totals(reader.practiceId(), q.from(), q.to(), teams);
        VolumeTotals totals = new VolumeTotals(t.conversations(), t.afterHours(), t.overdue(), t.urgent(),
                t.patientMessages(), t.staffMessages());
        List<VolumeBucket> buckets = new ArrayList<>();
        switch (grouping) {
            case DAY -> {
                Map<LocalDate, AnalyticsRows.VolumeRow> byDay = new HashMap<>();
                rows.volume(reader.practiceId(), q.from(), q.to(), teams, "local_day").forEach(r -> byDay.put(r.day(), r));
                for (LocalDate day = q.from(); !day.isAfter(q.to()); day = day.plusDays(1)) {
                    var r = byDay.get(day);
                    buckets.add(new VolumeBucket(day.toString(), day, null, null, r == null ? 0 : r.conversations(),
                            r == null ? 0 : r.afterHours()));
                }
            }
            case HOUR -> {
                Map<Integer, AnalyticsRows.VolumeRow> byHour = new HashMap<>();
                rows.volume(reader.practiceId(), q.from(), q.to(), teams, "local_hour").forEach(r -> byHour.put(r.hour(), r));
                for (int hour = 0; hour < 24; hour++) {
                    var r = byHour.get(hour);
                    buckets.add(new VolumeBucket(String.valueOf(hour), null, null, hour, r == null ? 0 : r.conversations(),
                            r == null ? 0 : r.afterHours()));
                }
            }
            case WEEKDAY_HOUR -> {
                Map<Integer, AnalyticsRows.VolumeRow> byCell = new HashMap<>();
                rows.volume(reader.practiceId(), q.from(), q.to(), teams, "local_weekday, local_hour")
                        .forEach(r -> byCell.put(r.weekday() * 100 + r.hour(), r));
                for (int weekday = 1; weekday <= 7; weekday++) {
                    for (int hour = 0; hour < 24; hour++) {
                        var r = byCell.get(weekday * 100 + hour);
                        buckets.add(new VolumeBucket(weekday + "-" + hour, null, weekday, hour,
                                r == null ? 0 : r.conversations(), r == null ? 0 : r.afterHours()));
                    }
                }
            }
        }
        return new Volume(q, grouping, totals, List.copyOf(buckets));
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
