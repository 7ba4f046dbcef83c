package io.bedside.analytics;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.BOB;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.LAKESIDE_ADMIN;
import static io.bedside.support.Demo.LEE;
import static io.bedside.support.Demo.PATEL;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import io.bedside.analytics.internal.AnalyticsRebuild;
import io.bedside.practice.CareTeams;
import io.bedside.practice.OfficeHours;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.ForbiddenException;
import io.bedside.shared.PracticeId;
import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import io.bedside.support.Demo;
import io.bedside.support.MovableClock;
import io.bedside.workflow.ResponsePromises;
import tools.jackson.databind.JsonNode;

/**
 * Analytics figures against hand-computed fixtures, the clock moved by the test. Dr. Patel's team
 * (Riverside, America/New_York) is open Monday to Friday 8:00-17:00, promises one business day, and
 * Wednesday 10 March 2027 is a holiday. Four conversations in the first fortnight of March 2027
 * (before the switch to summer time on the 14th; no other test writes in 2027):
 * <ul>
 * <li>A: Alice, Friday 5 March 16:00 (open); a note by Kim Monday 8:30; Kim answers Monday 9:00:
 *     business 2 h (Fri 16-17, Mon 8-9), wall 65 h, due Monday 16:00, within. Alice writes again
 *     Monday 9:30; Kim closes it at 9:45: that wait ends unanswered.</li>
 * <li>B: Bob, on the holiday Wednesday 10 March 10:00 (closed: after hours); Patel answers
 *     Thursday 10:00: business 2 h, wall 24 h, due Thursday 17:00, within.</li>
 * <li>C: Alice, Tuesday 2 March 23:30 (after hours; 04:30 UTC on the 3rd, so the local day is the
 *     2nd); overdue after Wednesday 17:00; Kim answers Thursday 12:00: business 13 h (Wed 9 h,
 *     Thu 4 h), wall 36.5 h, late.</li>
 * <li>D: Bob, Monday 1 March 10:00 with urgent words, again 10:05; Patel answers 10:30: business
 *     and wall 30 min, within.</li>
 * </ul>
 * Business times 1800, 7200, 7200, 46800 s: median 7200, p90 34920 (interpolated: 7200 + 0.7 ×
 * 39600). Wall 1800, 86400, 131400, 234000 s: median 108900, p90 203220 (131400 + 0.7 × 102600).
 * Three of four within the promise.
 */
@Import(MovableClock.Config.class)
@BothDatabases
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsIntegrationTests extends ApplicationTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final String RANGE = "from=2027-03-01&to=2027-03-12";

    @Autowired
    MovableClock clock;

    @Autowired
    CareTeams careTeams;

    @Autowired
    ResponsePromises promises;

    @Autowired
    PracticeAnalytics analytics;

    @Autowired
    AnalyticsRebuild rebuild;

    private PracticeId riverside;
    private String patelTeam;
    private Map<LocalDate, String> holidaysBefore;

    private static Instant at(int day, int hour, int minute) {
        return LocalDateTime.of(2027, 3, day, hour, minute).atZone(NEW_YORK).toInstant();
    }

    private void moveTo(Instant instant) {
        clock.set(instant);
        demo = new Demo(api);
    }

    @BeforeAll
    void fixtures() {
        api = new Api("http://127.0.0.1:" + port);
        demo = new Demo(api);
        riverside = demo.actor(KIM).practiceId();
        patelTeam = demo.team(KIM, "Dr. Patel");
        CareTeamId team = CareTeamId.parse(patelTeam);
        careTeams.setOfficeHours(riverside, team, OfficeHours.weekdays(LocalTime.of(8, 0), LocalTime.of(17, 0)));
        holidaysBefore = careTeams.holidays(riverside);
        Map<LocalDate, String> holidays = new java.util.HashMap<>(holidaysBefore);
        holidays.put(LocalDate.of(2027, 3, 10), "Analytics test holiday");
        careTeams.setHolidays(riverside, holidays);
        try {
            // D: urgent, Monday 1 March
            moveTo(at(1, 10, 0));
            String d = demo.startAsPatient(BOB, "Dr. Patel", "Since this morning",
                    "I have had chest pain since 6 am and my arm feels odd");
            moveTo(at(1, 10, 5));
            ok(demo.send(BOB, d, "It is a little better now."));
            moveTo(at(1, 10, 30));
            ok(demo.send(PATEL, d, "Please call us right away."));

            // C: Tuesday 23:30, overdue, answered Thursday noon
            moveTo(at(2, 23, 30));
            String c = demo.startAsPatient(ALICE, "Dr. Patel", "Late question", "Is my test back?");
            moveTo(at(4, 11, 0));
            promises.escalateOverdue();
            moveTo(at(4, 12, 0));
            ok(demo.send(KIM, c, "Yes, all fine."));

            // A: Friday 16:00, answered Monday 9:00; a second wait ends unanswered
            moveTo(at(5, 16, 0));
            String a = demo.startAsPatient(ALICE, "Dr. Patel", "Friday question", "Before the weekend");
            moveTo(at(8, 8, 30));
            ok(demo.note(KIM, a, "Looking into it."));
            moveTo(at(8, 9, 0));
            ok(demo.send(KIM, a, "Here is your answer."));
            moveTo(at(8, 9, 30));
            ok(demo.send(ALICE, a, "Thank you!"));
            moveTo(at(8, 9, 45));
            ok(demo.triage(KIM, a, Map.of("status", "closed")));

            // B: on the holiday, answered the next day
            moveTo(at(10, 10, 0));
            String b = demo.startAsPatient(BOB, "Dr. Patel", "Holiday question", "Are you open today?");
            moveTo(at(11, 10, 0));
            ok(demo.send(PATEL, b, "We were closed yesterday; here is your answer."));
        } finally {
            clock.set(Instant.now());
        }
    }

    @AfterAll
    void openAgain() {
        careTeams.setOfficeHours(riverside, CareTeamId.parse(patelTeam), Map.of());
        careTeams.setHolidays(riverside, holidaysBefore);
        clock.set(Instant.now());
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 299);
    }

    private JsonNode get(String user, String path) {
        Api.Response response = api.get(path).token(demo.token(user)).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private JsonNode responseTimes(String user, String groupBy) {
        return get(user, "/api/v1/analytics/response-times?" + RANGE + "&teamId=" + patelTeam + "&groupBy=" + groupBy);
    }

    private JsonNode volume(String user, String groupBy) {
        return get(user, "/api/v1/analytics/volume?" + RANGE + "&teamId=" + patelTeam + "&groupBy=" + groupBy);
    }

    private static Map<String, JsonNode> byKey(JsonNode items) {
        Map<String, JsonNode> map = new java.util.LinkedHashMap<>();
        items.forEach(i -> map.put(i.get("key").asString(), i));
        return map;
    }

    @Test
    void firstResponseTimesInBusinessHoursAndOnTheWallClock() {
        JsonNode total = responseTimes(RIVERSIDE_ADMIN, "team").get("total");
        assertThat(total.get("answered").asLong()).isEqualTo(4);
        assertThat(total.get("businessMedianSeconds").asLong()).isEqualTo(7200);
        assertThat(total.get("businessP90Seconds").asLong()).isEqualTo(34920);
        assertThat(total.get("wallClockMedianSeconds").asLong()).isEqualTo(108900);
        assertThat(total.get("wallClockP90Seconds").asLong()).isEqualTo(203220);
        assertThat(total.get("withinPromise").asLong()).isEqualTo(3);
        assertThat(total.get("withinPromiseShare").asDouble()).isEqualTo(0.75);
    }

    @Test
    void groupedByTeamKindStaffAndDay() {
        JsonNode byTeam = responseTimes(RIVERSIDE_ADMIN, "team");
        assertThat(byTeam.get("groupBy").asString()).isEqualTo("team");
        assertThat(byTeam.get("groups")).hasSize(1);
        assertThat(byTeam.get("groups").get(0).get("key").asString()).isEqualTo(patelTeam);
        assertThat(byTeam.get("groups").get(0).get("label").asString()).isEqualTo("Dr. Patel's team");

        Map<String, JsonNode> kinds = byKey(responseTimes(RIVERSIDE_ADMIN, "kind").get("groups"));
        assertThat(kinds.keySet()).containsExactly("question");
        assertThat(kinds.get("question").get("answered").asLong()).isEqualTo(4);

        Map<String, String> staffLabels = new java.util.HashMap<>();
        Map<String, Long> staffMedians = new java.util.HashMap<>();
        responseTimes(PATEL, "staff").get("groups").forEach(g -> {
            staffLabels.put(g.get("key").asString(), g.get("label").asString());
            staffMedians.put(g.get("label").asString(), g.get("businessMedianSeconds").asLong());
        });
        assertThat(staffLabels).containsKeys(demo.me(KIM).get("id").asString(), demo.me(PATEL).get("id").asString());
        assertThat(staffMedians).hasSize(2);
        // Kim: 7200 and 46800; Patel: 1800 and 7200.
        assertThat(staffMedians.get(demo.me(KIM).get("displayName").asString())).isEqualTo(27000);
        assertThat(staffMedians.get(demo.me(PATEL).get("displayName").asString())).isEqualTo(4500);

        Map<String, JsonNode> days = byKey(responseTimes(RIVERSIDE_ADMIN, "day").get("groups"));
        assertThat(days.keySet()).containsExactly("2027-03-01", "2027-03-02", "2027-03-05", "2027-03-10");
        assertThat(days.get("2027-03-02").get("withinPromise").asLong()).isZero();
        assertThat(days.get("2027-03-02").get("businessMedianSeconds").asLong()).isEqualTo(46800);
        assertThat(days.get("2027-03-10").get("wallClockMedianSeconds").asLong()).isEqualTo(86400);
    }

    /** A day's kept figures are worked out again once another of its waits is answered (Monday 22 March). */
    @Test
    void aDaysFiguresFollowItsAnswers() {
        String day = "/api/v1/analytics/response-times?from=2027-03-22&to=2027-03-22&groupBy=day&teamId=" + patelTeam;
        try {
            moveTo(at(22, 9, 0));
            String first = demo.startAsPatient(ALICE, "Dr. Patel", "Monday question", "Good morning");
            moveTo(at(22, 9, 30));
            ok(demo.send(KIM, first, "Good morning to you."));
            JsonNode once = get(RIVERSIDE_ADMIN, day).get("groups").get(0);
            assertThat(once.get("answered").asLong()).isEqualTo(1);
            assertThat(once.get("businessMedianSeconds").asLong()).isEqualTo(1800);

            moveTo(at(22, 10, 0));
            String second = demo.startAsPatient(BOB, "Dr. Patel", "Another Monday question", "Hello");
            moveTo(at(22, 12, 0));
            ok(demo.send(PATEL, second, "Hello Bob."));
            JsonNode twice = get(RIVERSIDE_ADMIN, day).get("groups").get(0);
            assertThat(twice.get("answered").asLong()).isEqualTo(2);
            assertThat(twice.get("businessMedianSeconds").asLong()).isEqualTo(4500);
            assertThat(get(RIVERSIDE_ADMIN, day).get("total").get("businessMedianSeconds").asLong()).isEqualTo(4500);
        } finally {
            clock.set(Instant.now());
        }
    }

    /**
     * A practice that used Bedside before analytics: its conversations are replayed from messaging's
     * history and give the very figures the live recording gave; a second run counts nothing twice.
     */
    @Test
    void aRebuildCountsWhatAnalyticsDidNotSeeWithTheSameFigures() {
        var admin = demo.actor(RIVERSIDE_ADMIN);
        AnalyticsQuery march = new AnalyticsQuery(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 12), Optional.empty());
        List<Object> before = figures(admin, march);
        jdbc.sql("""
                delete from analytics_wait where conversation_id in (select conversation_id from analytics_conversation
                 where practice_id = :practice and local_day between :from and :to)""")
                .param("practice", riverside.value()).param("from", march.from()).param("to", march.to()).update();
        jdbc.sql("delete from analytics_conversation where practice_id = :practice and local_day between :from and :to")
                .param("practice", riverside.value()).param("from", march.from()).param("to", march.to()).update();
        assertThat(analytics.volume(admin, march, VolumeGrouping.DAY).totals().conversations()).isZero();

        AnalyticsRebuild.Result first = rebuild.rebuild(riverside, 2);
        assertThat(first.counted()).isEqualTo(4);
        assertThat(first.read()).isGreaterThanOrEqualTo(4);
        assertThat(figures(admin, march)).isEqualTo(before);

        assertThat(rebuild.rebuild(riverside, 2).counted()).isZero();
        assertThat(figures(admin, march)).isEqualTo(before);
    }

    private List<Object> figures(io.bedside.shared.Actor reader, AnalyticsQuery query) {
        List<Object> all = new ArrayList<>();
        for (ResponseGrouping grouping : ResponseGrouping.values()) {
            all.add(analytics.responseTimes(reader, query, grouping));
        }
        for (VolumeGrouping grouping : VolumeGrouping.values()) {
            all.add(analytics.volume(reader, query, grouping));
        }
        return all;
    }

    @Test
    void volumeTotalsCountOnlyPeoplesMessages() {
        JsonNode totals = volume(RIVERSIDE_ADMIN, "day").get("totals");
        assertThat(totals.get("conversations").asLong()).isEqualTo(4);
        assertThat(totals.get("afterHours").asLong()).isEqualTo(2);
        assertThat(totals.get("afterHoursShare").asDouble()).isEqualTo(0.5);
        assertThat(totals.get("overdue").asLong()).isEqualTo(1);
        assertThat(totals.get("urgent").asLong()).isEqualTo(1);
        // Notes, the after-hours replies and the urgent guidance are not counted.
        assertThat(totals.get("patientMessages").asLong()).isEqualTo(6);
        assertThat(totals.get("staffMessages").asLong()).isEqualTo(4);
        assertThat(totals.get("messagesPerConversation").asDouble()).isEqualTo(2.5);
    }

    @Test
    void volumeBucketsOnThePracticeCalendarWithZeroes() {
        JsonNode days = volume(RIVERSIDE_ADMIN, "day").get("buckets");
        assertThat(days).hasSize(12);
        Map<String, JsonNode> byDay = byKey(days);
        assertThat(byDay.get("2027-03-01").get("conversations").asLong()).isEqualTo(1);
        // 23:30 in New York is already the 3rd in UTC: it counts on the 2nd.
        assertThat(byDay.get("2027-03-02").get("conversations").asLong()).isEqualTo(1);
        assertThat(byDay.get("2027-03-02").get("afterHours").asLong()).isEqualTo(1);
        assertThat(byDay.get("2027-03-03").get("conversations").asLong()).isZero();
        assertThat(byDay.get("2027-03-10").get("afterHours").asLong()).isEqualTo(1);
        assertThat(days.get(0).get("day").asString()).isEqualTo("2027-03-01");

        JsonNode hours = volume(RIVERSIDE_ADMIN, "hour").get("buckets");
        assertThat(hours).hasSize(24);
        assertThat(hours.get(10).get("conversations").asLong()).isEqualTo(2);
        assertThat(hours.get(16).get("conversations").asLong()).isEqualTo(1);
        assertThat(hours.get(23).get("conversations").asLong()).isEqualTo(1);
        assertThat(hours.get(4).get("conversations").asLong()).isZero();

        JsonNode cells = volume(RIVERSIDE_ADMIN, "weekday-hour").get("buckets");
        assertThat(cells).hasSize(168);
        Map<String, JsonNode> byCell = byKey(cells);
        List<String> filled = new ArrayList<>();
        byCell.forEach((k, v) -> {
            if (v.get("conversations").asLong() > 0) {
                filled.add(k);
            }
        });
        assertThat(filled).containsExactly("1-10", "2-23", "3-10", "5-16");
        assertThat(byCell.get("2-23").get("weekday").asInt()).isEqualTo(2);
        assertThat(byCell.get("2-23").get("hour").asInt()).isEqualTo(23);
    }

    @Test
    void aLeadSeesTheirTeamsOnlyAndOthersAreRefused() {
        // Dr. Patel leads her team: she sees it, and the practice admin sees every team.
        assertThat(analytics.teams(demo.actor(PATEL))).extracting(TeamChoice::name).contains("Dr. Patel's team")
                .doesNotContain("Billing & front desk");
        assertThat(analytics.teams(demo.actor(RIVERSIDE_ADMIN))).extracting(TeamChoice::name)
                .contains("Dr. Patel's team", "Billing & front desk");
        assertThat(analytics.teams(demo.actor(KIM))).isEmpty();
        assertThat(responseTimes(PATEL, "team").get("total").get("answered").asLong()).isEqualTo(4);
        String billing = demo.team(RIVERSIDE_ADMIN, "Billing");
        assertThat(api.get("/api/v1/analytics/volume?teamId=" + billing).token(demo.token(PATEL)).send().status())
                .isEqualTo(404);

        // A nurse who leads nothing: 403; a patient: 404 (a staff-only address); another practice's team: 404.
        Api.Response nurse = api.get("/api/v1/analytics/response-times").token(demo.token(KIM)).send();
        assertThat(nurse.status()).isEqualTo(403);
        assertThat(nurse.contentType()).startsWith("application/problem+json");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> analytics.volume(demo.actor(KIM),
                new AnalyticsQuery(null, null, Optional.empty()), VolumeGrouping.DAY))
                .isInstanceOf(ForbiddenException.class);
        assertThat(api.get("/api/v1/analytics/volume").token(demo.token(ALICE)).send().status()).isEqualTo(404);
        String pediatrics = demo.team(LEE, "Pediatrics");
        assertThat(api.get("/api/v1/analytics/volume?teamId=" + pediatrics).token(demo.token(RIVERSIDE_ADMIN)).send()
                .status()).isEqualTo(404);
        assertThat(api.get("/api/v1/analytics/response-times?teamId=" + patelTeam).token(demo.token(LAKESIDE_ADMIN))
                .send().status()).isEqualTo(404);
    }

    @Test
    void rangesDefaultToTheLast30DaysAndBadValuesAreRefused() {
        JsonNode defaults = get(RIVERSIDE_ADMIN, "/api/v1/analytics/volume");
        LocalDate today = LocalDate.now(NEW_YORK);
        assertThat(LocalDate.parse(defaults.get("to").asString())).isBetween(today.minusDays(1), today.plusDays(1));
        assertThat(LocalDate.parse(defaults.get("from").asString()))
                .isEqualTo(LocalDate.parse(defaults.get("to").asString()).minusDays(29));
        assertThat(defaults.get("groupBy").asString()).isEqualTo("day");
        assertThat(defaults.get("buckets")).hasSize(30);
        assertThat(get(RIVERSIDE_ADMIN, "/api/v1/analytics/response-times").get("groupBy").asString()).isEqualTo("team");

        for (String query : List.of("from=2027-03-10&to=2027-03-01", "from=2026-01-01&to=2027-01-02",
                "groupBy=month", "from=yesterday", "teamId=not-an-id")) {
            Api.Response bad = api.get("/api/v1/analytics/response-times?" + query).token(demo.token(RIVERSIDE_ADMIN))
                    .send();
            assertThat(bad.status()).as(query + " " + bad).isEqualTo(400);
            assertThat(bad.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.get("/api/v1/analytics/volume?groupBy=week").token(demo.token(RIVERSIDE_ADMIN)).send().status())
                .isEqualTo(400);
        // 366 days, both ends included, is allowed.
        assertThat(api.get("/api/v1/analytics/volume?from=2026-01-01&to=2027-01-01").token(demo.token(RIVERSIDE_ADMIN))
                .send().status()).isEqualTo(200);
    }

    @Test
    void theTablesHoldNoTextOnlyIdsTimesAndCounts() {
        List<String> columns = jdbc.sql("""
                select lower(column_name) from information_schema.columns
                 where lower(table_name) in ('analytics_conversation', 'analytics_wait')""").query(String.class).list();
        assertThat(columns).isNotEmpty().noneMatch(c -> c.contains("subject") || c.contains("body")
                || c.contains("name") || c.contains("birth") || c.contains("patient_id"));
        assertThat(DayOfWeek.MONDAY.getValue()).isEqualTo(1);
    }
}
