package io.bedside.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.bedside.analytics.AnalyticsQuery;
import io.bedside.analytics.PracticeAnalytics;
import io.bedside.analytics.ResponseGrouping;
import io.bedside.analytics.ResponseTimes;
import io.bedside.analytics.Volume;
import io.bedside.analytics.VolumeGrouping;
import io.bedside.practice.CareTeams;
import io.bedside.practice.Practice;
import io.bedside.practice.Practices;
import io.bedside.practice.StaffDirectory;
import io.bedside.shared.Actor;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.StaffRole;
import io.bedside.shared.UserId;
import io.bedside.support.ApplicationTest;
import io.bedside.support.PostgresTest;

/**
 * The analytics figures over a year of a busy practice, on PostgreSQL: a practice of its own with
 * 5 teams and 30 staff, and (by default) 150,000 conversations and 250,000 waits (95% answered)
 * seeded straight into the analytics tables with set-based SQL, spread over 365 days, every hour
 * and weekday. Then each grouping of {@link PracticeAnalytics#responseTimes} and
 * {@link PracticeAnalytics#volume} over the whole year, as the practice admin (whole practice) and
 * as a lead (one team), is called again and again, one call at a time, after a warm-up. Prints one
 * line starting with ANALYTICS per grouping. Run with
 * {@code ./mvnw test -Pbenchmark -Dtest=AnalyticsBenchmark} and BEDSIDE_TEST_POSTGRES_URL set.
 */
@PostgresTest
class AnalyticsBenchmark extends ApplicationTest {

    private static final int CONVERSATIONS = Integer.getInteger("bedside.bench.conversations", 150_000);
    private static final int REQUESTS = Integer.getInteger("bedside.bench.requests", 100);
    private static final int TEAMS = 5;
    private static final int STAFF = 30;
    private static final LocalDate FIRST = LocalDate.of(2025, 12, 1);
    private static final LocalDate LAST = FIRST.plusDays(364);

    @Autowired
    PracticeAnalytics analytics;

    @Autowired
    Practices practices;

    @Autowired
    CareTeams careTeams;

    @Autowired
    StaffDirectory staffDirectory;

    @Test
    void aYearOfABusyPractice() {
        Practice practice = practices.create("analytics-bench-" + UUID.randomUUID().toString().substring(0, 8),
                "Analytics Benchmark Clinic", ZoneId.of("America/Chicago"), "en");
        List<CareTeamId> teams = new ArrayList<>();
        for (int t = 0; t < TEAMS; t++) {
            teams.add(careTeams.create(practice.id(), "Team " + (t + 1), "", 24));
        }
        List<UserId> staff = new ArrayList<>();
        for (int s = 0; s < STAFF; s++) {
            UserId id = UserId.of(UUID.randomUUID());
            staffDirectory.add(id, practice.id(), "Staff Member " + (s + 1), StaffRole.NURSE, null);
            careTeams.addMember(practice.id(), teams.get(s % TEAMS), id);
            staff.add(id);
        }
        careTeams.setLead(practice.id(), teams.get(0), staff.get(0));

        long seedStart = System.nanoTime();
        seed(practice, teams, staff);
        long waits = jdbc.sql("select count(*) from analytics_wait where practice_id = :p")
                .param("p", practice.id().value()).query(Long.class).single();
        System.out.printf("ANALYTICS seed: %d conversations, %d waits in %.1f s%n", CONVERSATIONS, waits,
                (System.nanoTime() - seedStart) / 1e9);

        Actor admin = new Actor(UserId.of(UUID.randomUUID()), practice.id(), Actor.Kind.STAFF,
                Set.of(StaffRole.PRACTICE_ADMIN), null);
        Actor lead = new Actor(staff.get(0), practice.id(), Actor.Kind.STAFF, Set.of(StaffRole.NURSE), null);
        AnalyticsQuery year = new AnalyticsQuery(FIRST, LAST, Optional.empty());

        long coldStart = System.nanoTime();
        analytics.responseTimes(admin, year, ResponseGrouping.DAY);
        System.out.printf("ANALYTICS (PostgreSQL, %d conversations over 365 days, response-times groupBy=day, first call: "
                + "every day worked out and kept): %.1f ms%n", CONVERSATIONS, (System.nanoTime() - coldStart) / 1e6);
        ResponseTimes all = analytics.responseTimes(admin, year, ResponseGrouping.TEAM);
        assertThat(all.total().answered()).isGreaterThan(waits * 9 / 10);
        assertThat(all.groups()).hasSize(TEAMS);
        Volume volume = analytics.volume(admin, year, VolumeGrouping.DAY);
        assertThat(volume.totals().conversations()).isEqualTo(CONVERSATIONS);
        assertThat(volume.buckets()).hasSize(365);

        for (ResponseGrouping g : ResponseGrouping.values()) {
            measure("response-times groupBy=" + g.code() + " (admin, whole practice)",
                    () -> analytics.responseTimes(admin, year, g));
        }
        for (VolumeGrouping g : VolumeGrouping.values()) {
            measure("volume groupBy=" + g.code() + " (admin, whole practice)", () -> analytics.volume(admin, year, g));
        }
        // What the analytics page reads for a year of the whole practice: response times, the three volumes in one read, campaigns.
        measure("the page's reads (admin, whole practice)", () -> List.of(
                analytics.responseTimes(admin, year, ResponseGrouping.TEAM), analytics.volumes(admin, year),
                analytics.campaigns(admin, year)));
        measure("response-times groupBy=staff (lead, one team)",
                () -> analytics.responseTimes(lead, year, ResponseGrouping.STAFF));
        measure("volume groupBy=weekday-hour (lead, one team)",
                () -> analytics.volume(lead, year, VolumeGrouping.WEEKDAY_HOUR));
        System.out.println();
    }

    private void measure(String what, Supplier<Object> call) {
        for (int i = 0; i < 20; i++) {
            call.get();
        }
        long[] nanos = new long[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            long start = System.nanoTime();
            call.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("ANALYTICS (PostgreSQL, %d conversations over 365 days, %s, %d calls one at a time): "
                + "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms%n", CONVERSATIONS, what, REQUESTS, nanos[REQUESTS / 2] / 1e6,
                nanos[REQUESTS * 9 / 10] / 1e6, nanos[REQUESTS * 99 / 100] / 1e6);
    }

    /**
     * Set-based inserts: conversation {@code i} starts on day {@code i % 365} at a pseudo-random
     * hour, in team {@code i % 5}; every conversation has one wait, two in three a second one
     * (250,000 of 150,000 conversations); one wait in twenty is never answered.
     */
    private void seed(Practice practice, List<CareTeamId> teams, List<UserId> staff) {
        String teamArray = "array[" + String.join(",", teams.stream().map(t -> "'" + t.value() + "'::uuid").toList())
                + "]";
        String staffArray = "array[" + String.join(",", staff.stream().map(s -> "'" + s.value() + "'::uuid").toList())
                + "]";
        String kinds = "array['question','refill','referral','appointment','billing','campaign']";
        jdbc.sql("""
                create unlogged table bench_conv as
                select i, gen_random_uuid() as id,
                       (%s)[1 + i %% 5] as team,
                       (%s)[1 + (i * 7) %% 6] as kind,
                       (date '%s' + (i %% 365)) as day,
                       ((i * 37) %% 24) as hour, ((i * 13) %% 60) as minute
                  from generate_series(0, %d) as i""".formatted(teamArray, kinds, FIRST, CONVERSATIONS - 1)).update();
        jdbc.sql("""
                insert into analytics_conversation (conversation_id, practice_id, care_team_id, kind, from_campaign,
                       started_at, local_day, local_weekday, local_hour, after_hours, patient_messages, staff_messages,
                       overdue, urgent)
                select id, :practice, team, kind, false,
                       (day + make_interval(hours => hour, mins => minute)) at time zone 'America/Chicago',
                       day, extract(isodow from day), hour,
                       hour < 8 or hour >= 17 or extract(isodow from day) > 5,
                       1 + i %% 3, 1 + i %% 2, i %% 17 = 0, i %% 53 = 0
                  from bench_conv""".replace("%%", "%")).param("practice", practice.id().value()).update();
        jdbc.sql("""
                insert into analytics_wait (conversation_id, started_seq, practice_id, care_team_id, kind, first_wait,
                       waiting_since, local_day, due_at, ended_at, answered_by, business_seconds, wall_seconds,
                       within_promise)
                select c.id, w.seq, :practice, c.team, c.kind, w.seq = 1,
                       (c.day + make_interval(hours => c.hour, mins => c.minute)) at time zone 'America/Chicago',
                       c.day, (c.day + 1 + make_interval(hours => c.hour)) at time zone 'America/Chicago',
                       case when (c.i + w.seq) %% 20 = 0 then null
                            else (c.day + make_interval(hours => c.hour, mins => c.minute)) at time zone 'America/Chicago'
                                 + make_interval(secs => 60 + (c.i * 7919 + w.seq * 104729) %% 200000) end,
                       case when (c.i + w.seq) %% 20 = 0 then null else (%s)[1 + (c.i * 3 + w.seq) %% 30] end,
                       case when (c.i + w.seq) %% 20 = 0 then null else 60 + (c.i * 7919 + w.seq * 104729) %% 90000 end,
                       case when (c.i + w.seq) %% 20 = 0 then null else 60 + (c.i * 7919 + w.seq * 104729) %% 200000 end,
                       case when (c.i + w.seq) %% 20 = 0 then null else (c.i * 7919 + w.seq * 104729) %% 200000 < 86400 end
                  from bench_conv c
                  join (select 1 as seq union all select 3) w on w.seq = 1 or c.i %% 3 <> 0""".formatted(staffArray)
                .replace("%%", "%")).param("practice", practice.id().value()).update();
        // The buckets as Histogram.bucket rounds them (1, 5, 15 and 60 minutes under an hour, a day, a week, beyond).
        jdbc.sql("""
                update analytics_wait set
                       business_bucket = case when business_seconds < 3600 then business_seconds / 60 * 60
                            when business_seconds < 86400 then business_seconds / 300 * 300
                            when business_seconds < 604800 then business_seconds / 900 * 900
                            else business_seconds / 3600 * 3600 end,
                       wall_bucket = case when wall_seconds < 3600 then wall_seconds / 60 * 60
                            when wall_seconds < 86400 then wall_seconds / 300 * 300
                            when wall_seconds < 604800 then wall_seconds / 900 * 900 else wall_seconds / 3600 * 3600 end
                 where practice_id = :practice and answered_by is not null""")
                .param("practice", practice.id().value()).update();
        jdbc.sql("drop table bench_conv").update();
        jdbc.sql("vacuum analyze analytics_conversation").update();
        jdbc.sql("vacuum analyze analytics_wait").update();
    }
}
