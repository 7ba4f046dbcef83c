package io.bedside.identity;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.LEE;
import static io.bedside.support.Demo.PATEL;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import io.bedside.practice.CareTeams;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.StaffRole;
import io.bedside.shared.UserId;
import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import io.bedside.support.Demo;
import io.bedside.support.MovableClock;
import io.bedside.support.PageSession;

/**
 * Out-of-office cover with a moved clock: while a member of staff is away, new assignments to them
 * and the notices that name them go to their delegate, not before the period and not after; the
 * patient sees the conversation as before. A delegate who is not an active colleague sharing a team
 * (another practice's, say) is refused like an id that does not exist. Each test makes its own team,
 * so nothing another test did reaches it, and ends every period it set.
 */
@Import(MovableClock.Config.class)
@BothDatabases
class CoverageIntegrationTests extends ApplicationTest {

    private static final ZoneId RIVERSIDE_ZONE = ZoneId.of("America/New_York");

    @Autowired
    MovableClock clock;

    @Autowired
    Accounts accounts;

    @Autowired
    CareTeams careTeams;

    /** One member of staff made for a test. */
    record Member(String email, UserId id) {
    }

    private CareTeamId team;
    private Member away;
    private Member delegate;
    private Member colleague;

    @BeforeEach
    void team() {
        clock.set(Instant.now());
        demo = new Demo(api);
        PracticeId practice = demo.actor(RIVERSIDE_ADMIN).practiceId();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        team = careTeams.create(practice, "Cover " + tag, "Cover under test", 24);
        away = member(practice, "away-" + tag);
        delegate = member(practice, "delegate-" + tag);
        colleague = member(practice, "colleague-" + tag);
        careTeams.setOnCall(practice, team, colleague.id(), true);
    }

    /** Leaves no period behind and the shared clock at about now, for the tests that come next. */
    @AfterEach
    void endCover() {
        jdbc.sql("delete from staff_coverage where user_id in (:ids)")
                .param("ids", List.of(away.id().value(), delegate.id().value(), colleague.id().value())).update();
        clock.set(Instant.now());
    }

    @Test
    void anAssignmentGoesToTheDelegateDuringThePeriodAndNotBeforeOrAfter() {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), RIVERSIDE_ZONE).truncatedTo(ChronoUnit.MINUTES);
        Api.Response set = cover(away, now.plusHours(1), now.plusDays(1), delegate);
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().get("activeNow").asBoolean()).isFalse();
        assertThat(set.json().get("timeZone").asString()).isEqualTo("America/New_York");
        assertThat(set.json().get("delegate").get("id").asString()).isEqualTo(delegate.id().toString());
        assertThat(set.json().get("start").asString()).startsWith(now.plusHours(1).toString());

        String before = conversation(null);
        assertThat(assign(before, away)).as("before the period").isEqualTo(away.id().toString());

        clock.advance(Duration.ofHours(2));
        assertThat(api.get("/api/v1/me/coverage").token(token(away)).send().json().get("activeNow").asBoolean())
                .isTrue();
        String during = conversation(null);
        assertThat(assign(during, away)).as("during the period").isEqualTo(delegate.id().toString());
        // A change that keeps the assignee moves nothing: the conversation assigned before stays.
        Api.Response priority = api.patch("/api/v1/conversations/" + before).token(token(colleague))
                .json(Map.of("priority", "high")).send();
        assertThat(priority.status()).as(priority.toString()).isEqualTo(200);
        assertThat(priority.json().get("assignee").get("id").asString()).isEqualTo(away.id().toString());

        clock.advance(Duration.ofDays(1));
        String after = conversation(null);
        assertThat(assign(after, away)).as("after the period").isEqualTo(away.id().toString());

        assertThat(jdbc.sql("""
                select count(*) from audit_event where action = 'coverage.set' and allowed = true and target_id = :id""")
                .param("id", away.id().toString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aDelegateWhoIsAwayTooPassesItOnAndAClearedPeriodRoutesNothing() {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), RIVERSIDE_ZONE);
        assertThat(cover(away, now.minusHours(1), now.plusDays(2), delegate).status()).isEqualTo(200);
        assertThat(cover(delegate, now.minusHours(1), now.plusDays(2), colleague).status()).isEqualTo(200);
        assertThat(assign(conversation(null), away)).isEqualTo(colleague.id().toString());

        assertThat(api.delete("/api/v1/me/coverage").token(token(away)).send().status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me/coverage").token(token(away)).send().status()).isEqualTo(404);
        assertThat(assign(conversation(null), away)).isEqualTo(away.id().toString());
        assertThat(jdbc.sql("""
                select count(*) from audit_event where action = 'coverage.cleared' and target_id = :id""")
                .param("id", away.id().toString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void noticesNamingSomeoneAwayGoToTheDelegateAndThePatientSeesNoDifference() {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), RIVERSIDE_ZONE);
        assertThat(cover(away, now.plusHours(1), now.plusHours(5), delegate).status()).isEqualTo(200);

        String before = conversation(away);
        assertThat(notices(away, before)).as("named, before the period").isEqualTo(1);
        assertThat(notices(delegate, before)).isZero();

        clock.advance(Duration.ofHours(2));
        String during = conversation(away);
        assertThat(notices(away, during)).as("named, while away").isZero();
        assertThat(notices(delegate, during)).as("to the delegate instead").isEqualTo(1);
        // The patient sees the provider she named, as ever.
        Api.Response seen = api.get("/api/v1/conversations/" + during).token(demo.token(ALICE)).send();
        assertThat(seen.json().get("provider").get("id").asString()).isEqualTo(away.id().toString());

        clock.advance(Duration.ofHours(4));
        String after = conversation(away);
        assertThat(notices(away, after)).as("named, back again").isEqualTo(1);
        assertThat(notices(delegate, after)).isZero();
    }

    @Test
    void aDelegateWhoIsNotAnActiveColleagueSharingATeamIsRefusedAndNothingIsStored() {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), RIVERSIDE_ZONE);
        String lee = demo.me(LEE).get("id").asString();
        String patel = demo.me(PATEL).get("id").asString();
        Api.Response missing = coverRaw(away, now, now.plusDays(1), UUID.randomUUID().toString());
        assertThat(missing.status()).isEqualTo(400);
        for (String other : List.of(lee, patel, away.id().toString())) {
            Api.Response refused = coverRaw(away, now, now.plusDays(1), other);
            assertThat(refused.status()).as(other + " " + refused).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("detail").asString()).as("like an id that does not exist")
                    .isEqualTo(missing.json().get("detail").asString());
        }
        assertThat(cover(away, now.plusDays(1), now, delegate).status()).as("the end before the start").isEqualTo(400);
        assertThat(cover(away, now.minusDays(2), now.minusDays(1), delegate).status()).as("already over").isEqualTo(400);
        assertThat(cover(away, now, now.plusDays(400), delegate).status()).as("over a year").isEqualTo(400);
        assertThat(coverRaw(away, now, now.plusDays(1), "not-an-id").status()).isEqualTo(400);
        assertThat(api.put("/api/v1/me/coverage").token(token(away))
                .json(Map.of("start", "tomorrow", "end", now.plusDays(1).toString(), "delegateId",
                        delegate.id().toString())).send().status()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from staff_coverage where user_id = :id").param("id", away.id().value())
                .query(Long.class).single()).isZero();

        // The delegates offered are the colleagues of the test's team, not Dr. Lee or Dr. Patel.
        List<String> offered = new java.util.ArrayList<>();
        api.get("/api/v1/me/coverage/delegates").token(token(away)).send().json().get("items")
                .forEach(p -> offered.add(p.get("id").asString()));
        assertThat(offered).containsExactlyInAnyOrder(delegate.id().toString(), colleague.id().toString());

        // A patient has no cover to set or read.
        for (Api.Call call : List.of(api.get("/api/v1/me/coverage"), api.put("/api/v1/me/coverage").json(Map.of(
                "start", now.toString(), "end", now.plusDays(1).toString(), "delegateId", delegate.id().toString())),
                api.get("/api/v1/me/coverage/delegates"))) {
            assertThat(call.token(demo.token(ALICE)).send().status()).isEqualTo(404);
        }
    }

    @Test
    void theSettingsPageSetsAndEndsCoverForStaffOnly() {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), RIVERSIDE_ZONE).truncatedTo(ChronoUnit.MINUTES);
        PageSession page = PageSession.signedIn(api.base(), away.email());
        PageSession.Page form = page.get("/app/settings/coverage");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("Nurse delegate-").doesNotContain("Dr. Priya Patel");

        PageSession.Page refused = page.post("/app/settings/coverage", Map.of("start", now.toString(), "end",
                now.plusDays(1).toString(), "delegateId", demo.me(LEE).get("id").asString()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("shares a care team");

        page.get("/app/settings/coverage");
        PageSession.Page saved = page.post("/app/settings/coverage", Map.of("start", now.minusHours(1).toString(),
                "end", now.plusDays(1).toString(), "delegateId", delegate.id().toString()));
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        assertThat(page.get("/app/settings/coverage").body()).contains("covers for you");
        assertThat(assign(conversation(null), away)).isEqualTo(delegate.id().toString());

        PageSession.Page cleared = page.post("/app/settings/coverage/clear", Map.of());
        assertThat(cleared.status()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from staff_coverage where user_id = :id").param("id", away.id().value())
                .query(Long.class).single()).isZero();

        assertThat(PageSession.signedIn(api.base(), ALICE).get("/app/settings/coverage").status()).isEqualTo(404);
    }

    private Member member(PracticeId practice, String name) {
        String email = name + "@riverside.example";
        var staff = accounts.createStaff(practice, email, "demo-password", "Nurse " + name, StaffRole.NURSE, null);
        accounts.exemptFromTwoStep(staff.id());
        careTeams.addMember(practice, team, staff.id());
        return new Member(email, staff.id());
    }

    /** A fresh token: the clock moves further than a token lives. */
    private String token(Member member) {
        return api.signIn(member.email(), "demo-password");
    }

    private Api.Response cover(Member member, LocalDateTime start, LocalDateTime end, Member delegateMember) {
        return coverRaw(member, start, end, delegateMember.id().toString());
    }

    private Api.Response coverRaw(Member member, LocalDateTime start, LocalDateTime end, String delegateId) {
        return api.put("/api/v1/me/coverage").token(token(member))
                .json(Map.of("start", start.toString(), "end", end.toString(), "delegateId", delegateId)).send();
    }

    /** Alice writes to the test's team, naming this provider or none; returns the conversation's id. */
    private String conversation(Member provider) {
        Map<String, Object> request = new HashMap<>(Map.of("careTeamId", team.toString(), "subject", "A question",
                "body", "Could someone call me back?"));
        if (provider != null) {
            request.put("providerId", provider.id().toString());
        }
        Api.Response started = api.post("/api/v1/conversations").token(new Demo(api).token(ALICE)).json(request)
                .send();
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        return started.json().get("id").asString();
    }

    /** A colleague of the team assigns the conversation; returns the assignee it got. */
    private String assign(String conversation, Member assignee) {
        Api.Response changed = api.patch("/api/v1/conversations/" + conversation).token(token(colleague))
                .json(Map.of("assigneeId", assignee.id().toString())).send();
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        return changed.json().get("assignee").get("id").asString();
    }

    private long notices(Member member, String conversation) {
        // Notices are coalesced per member and team: a conversation may join a notice already waiting.
        return jdbc.sql("""
                select count(*) from notification n join notification_conversation nc on nc.notification_id = n.id
                 where n.user_id = :u and nc.conversation_id = :c""")
                .param("u", member.id().value()).param("c", UUID.fromString(conversation)).query(Long.class).single();
    }
}
