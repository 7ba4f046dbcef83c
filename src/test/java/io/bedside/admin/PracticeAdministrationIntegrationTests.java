package io.bedside.admin;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.bedside.notification.NotificationDispatcher;

import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import io.bedside.support.PageSession;
import io.bedside.support.Race;
import io.bedside.support.TwoStepCodes;

/** What a practice admin does from the admin pages: teams, staff and their invitations, the audit trail. */
@BothDatabases
class PracticeAdministrationIntegrationTests extends ApplicationTest {

    @Autowired
    NotificationDispatcher dispatcher;

    private static final Pattern LINK = Pattern.compile("value=\"(http[^\"]+/invite/([A-Za-z0-9_-]+))\"");

    private PageSession admin() {
        return PageSession.signedIn(api.base(), RIVERSIDE_ADMIN);
    }

    @Test
    void anAdminAddsANurseToATeamAndTakesThemOffAgain() {
        PageSession admin = admin();
        String billing = demo.team(RIVERSIDE_ADMIN, "Billing");
        String kim = demo.me(KIM).get("id").asString();
        assertThat(admin.get("/app/admin/teams/" + billing).status()).isEqualTo(200);
        var added = admin.post("/app/admin/teams/" + billing + "/members", Map.of("staffId", kim));
        assertThat(added.status()).isEqualTo(302);
        assertThat(admin.get("/app/admin/teams/" + billing).body()).contains("Jenny Kim, RN");
        assertThat(api.get("/api/v1/care-teams").token(demo.token(KIM)).send().body()).contains("Billing");

        admin.get("/app/admin/teams/" + billing);
        assertThat(admin.post("/app/admin/teams/" + billing + "/members/" + kim + "/remove", Map.of()).status())
                .isEqualTo(302);
        assertThat(api.get("/api/v1/care-teams").token(demo.token(KIM)).send().body()).doesNotContain("Billing");
    }

    @Test
    void anAdminCreatesATeamAndBadInputChangesNothing() {
        PageSession admin = admin();
        admin.get("/app/admin/teams");
        var refused = admin.post("/app/admin/teams", Map.of("name", "Dr. Patel's team", "expectedResponseHours", "24"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("There is already a care team with this name.");
        var badHours = admin.post("/app/admin/teams", Map.of("name", "Diabetes clinic", "expectedResponseHours", "0"));
        assertThat(badHours.status()).isEqualTo(400);
        var created = admin.post("/app/admin/teams", Map.of("name", "Diabetes clinic", "description", "A1c and insulin",
                "expectedResponseHours", "48"));
        assertThat(created.status()).isEqualTo(302);
        assertThat(created.location()).contains("/app/admin/teams/");
        assertThat(jdbc.sql("select count(*) from care_team where name = 'Diabetes clinic'").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void anInvitedNurseSetsAPasswordOnceAndSignsIn() {
        PageSession admin = admin();
        admin.get("/app/admin/staff");
        var invited = admin.post("/app/admin/staff", Map.of("displayName", "Omar Haddad, RN",
                "email", "omar@riverside.example", "role", "nurse", "title", "Nurse"));
        assertThat(invited.status()).isEqualTo(200);
        Matcher link = LINK.matcher(invited.body());
        assertThat(link.find()).as("the page shows the invitation link").isTrue();
        String path = "/invite/" + link.group(2);
        assertThat(link.group(1)).startsWith("http://localhost:8080/invite/");

        PageSession nurse = new PageSession(api.base());
        assertThat(nurse.get(path).body()).contains("Omar Haddad, RN").contains("omar@riverside.example");
        assertThat(nurse.get(path).status()).as("opening the link twice spends nothing").isEqualTo(200);
        assertThat(nurse.post(path, Map.of("password", "short", "confirmation", "short")).status()).isEqualTo(400);
        assertThat(nurse.post(path, Map.of("password", "password1234", "confirmation", "password1234")).body())
                .contains("attackers try first");
        assertThat(nurse.post(path, Map.of("password", "a".repeat(129), "confirmation", "a".repeat(129))).status())
                .isEqualTo(400);
        assertThat(nurse.post(path, Map.of("password", "heron lantern copper", "confirmation", "heron lantern")).status())
                .isEqualTo(400);
        var accepted = nurse.post(path, Map.of("password", "heron lantern copper", "confirmation", "heron lantern copper"));
        assertThat(accepted.status()).isEqualTo(302);
        assertThat(accepted.location()).endsWith("/login?welcome");
        // Staff sign in in two steps: the first time, they set up their authenticator app.
        var noCode = api.post("/api/v1/auth/token").json(Map.of("username", "omar@riverside.example",
                "password", "heron lantern copper")).send();
        assertThat(noCode.status()).isEqualTo(401);
        assertThat(noCode.body()).contains("not set up");
        String secret = TwoStepCodes.signInAndEnroll(new PageSession(api.base()), "omar@riverside.example",
                "heron lantern copper");
        assertThat(api.post("/api/v1/auth/token").json(Map.of("username", "omar@riverside.example",
                "password", "heron lantern copper", "otp", TwoStepCodes.code(secret, 1))).send().status()).isEqualTo(200);

        assertThat(new PageSession(api.base()).get(path).status()).as("a spent link").isEqualTo(404);
        assertThat(admin.get("/app/admin/staff").body()).contains("Omar Haddad, RN");
    }

    @Test
    void theInvitationIsEmailedTooAndWhicheverLinkIsUsedFirstEndsTheOther() {
        PageSession admin = admin();
        admin.get("/app/admin/staff");
        String email = "emailed-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@riverside.example";
        Matcher shown = LINK.matcher(admin.post("/app/admin/staff", Map.of("displayName", "Emailed Nurse",
                "email", email, "role", "nurse", "title", "Nurse")).body());
        assertThat(shown.find()).isTrue();
        dispatcher.dispatchDue();

        var mail = new ArrayList<tools.jackson.databind.JsonNode>();
        api.get("/api/v1/dev/outbox").token(demo.token(RIVERSIDE_ADMIN)).send().json().get("items").forEach(item -> {
            if (item.get("to").asString().equals(email)) {
                mail.add(item);
            }
        });
        assertThat(mail).hasSize(1);
        assertThat(mail.get(0).get("subject").asString()).isEqualTo("Your invitation to the Riverside Family Medicine team on Bedside");
        Matcher emailed = Pattern.compile("http://localhost:8080(/invite/[A-Za-z0-9_-]+)").matcher(mail.get(0).get("text").asString());
        assertThat(emailed.find()).isTrue();
        assertThat(emailed.group(1)).isNotEqualTo("/invite/" + shown.group(2));

        PageSession nurse = new PageSession(api.base());
        assertThat(nurse.get(emailed.group(1)).body()).contains("Emailed Nurse");
        assertThat(nurse.post(emailed.group(1), Map.of("password", "amber kestrel valley", "confirmation",
                "amber kestrel valley")).status()).isEqualTo(302);
        assertThat(new PageSession(api.base()).get("/invite/" + shown.group(2)).status())
                .as("the link the admin was shown ends with it").isEqualTo(404);
    }

    @Test
    void manyRedeemingOneInvitationAtOnceGiveOnePassword() throws Exception {
        PageSession admin = admin();
        admin.get("/app/admin/staff");
        Matcher link = LINK.matcher(admin.post("/app/admin/staff", Map.of("displayName", "Race Tester",
                "email", "race@riverside.example", "role", "front_desk")).body());
        assertThat(link.find()).isTrue();
        String path = "/invite/" + link.group(2);
        int tries = 20;
        List<PageSession> browsers = new ArrayList<>();
        for (int i = 0; i < tries; i++) {
            PageSession b = new PageSession(api.base());
            b.get(path);
            browsers.add(b);
        }
        List<Callable<Integer>> redeems = new ArrayList<>();
        for (int i = 0; i < tries; i++) {
            String password = "winner number " + i + " of many";
            PageSession b = browsers.get(i);
            redeems.add(() -> b.post(path, Map.of("password", password, "confirmation", password)).status());
        }
        List<Integer> statuses = Race.statuses(redeems);
        assertThat(statuses).allMatch(status -> status == 302 || status == 404);
        assertThat(statuses.stream().filter(status -> status == 302).count()).isEqualTo(1);
    }

    @Test
    void aDisabledMemberOfStaffIsSignedOutEverywhere() {
        PageSession admin = admin();
        admin.get("/app/admin/staff");
        Matcher link = LINK.matcher(admin.post("/app/admin/staff", Map.of("displayName", "Leaving Soon",
                "email", "leaving@riverside.example", "role", "medical_assistant")).body());
        assertThat(link.find()).isTrue();
        PageSession leaver = new PageSession(api.base());
        leaver.get("/invite/" + link.group(2));
        leaver.post("/invite/" + link.group(2), Map.of("password", "walnut meadow signal", "confirmation", "walnut meadow signal"));
        PageSession session = new PageSession(api.base());
        String secret = TwoStepCodes.signInAndEnroll(session, "leaving@riverside.example", "walnut meadow signal");
        String token = api.post("/api/v1/auth/token").json(Map.of("username", "leaving@riverside.example",
                "password", "walnut meadow signal", "otp", TwoStepCodes.code(secret, 1))).send().json().get("token").asString();
        assertThat(session.get("/app/inbox").status()).isEqualTo(200);
        String id = api.get("/api/v1/me").token(token).send().json().get("id").asString();

        admin.get("/app/admin/staff");
        assertThat(admin.post("/app/admin/staff/" + id + "/disable", Map.of()).status()).isEqualTo(302);
        assertThat(api.get("/api/v1/me").token(token).send().status()).isEqualTo(401);
        var after = session.get("/app/inbox");
        assertThat(after.status()).isEqualTo(302);
        assertThat(after.location()).contains("/login");
        assertThat(api.post("/api/v1/auth/token").json(Map.of("username", "leaving@riverside.example",
                "password", "walnut meadow signal")).send().status()).isEqualTo(401);

        admin.get("/app/admin/staff");
        assertThat(admin.post("/app/admin/staff/" + id + "/enable", Map.of()).status()).isEqualTo(302);
        // Enabled again: the password is right once more, and the code is asked for next.
        assertThat(api.post("/api/v1/auth/token").json(Map.of("username", "leaving@riverside.example",
                "password", "walnut meadow signal")).send().body()).contains("6-digit code");
    }

    @Test
    void anAdminCannotDisableThemselvesAndOthersCannotAdminister() {
        PageSession admin = admin();
        admin.get("/app/admin/staff");
        String self = demo.me(RIVERSIDE_ADMIN).get("id").asString();
        assertThat(admin.post("/app/admin/staff/" + self + "/disable", Map.of()).status()).isEqualTo(422);

        PageSession nurse = PageSession.signedIn(api.base(), KIM);
        for (String path : List.of("/app/admin/teams", "/app/admin/staff", "/app/admin/audit")) {
            assertThat(nurse.get(path).status()).as(path).isEqualTo(403);
        }
        nurse.get("/app/inbox");
        assertThat(nurse.post("/app/admin/staff", Map.of("displayName", "Sneaky", "email", "sneaky@riverside.example",
                "role", "practice_admin")).status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from user_account where email = 'sneaky@riverside.example'")
                .query(Long.class).single()).isZero();
        PageSession patient = PageSession.signedIn(api.base(), ALICE);
        assertThat(patient.get("/app/admin/teams").status()).isEqualTo(404);
    }

    @Test
    void anAdminReadsAPatientsTrailAndChecksTheChain() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Trail", "For the audit page");
        demo.send(KIM, id, "Seen");
        String alice = demo.me(ALICE).get("patientId").asString();
        PageSession admin = admin();
        var trail = admin.get("/app/admin/audit?patient=" + alice);
        assertThat(trail.status()).isEqualTo(200);
        assertThat(trail.body()).contains("Audit trail of Alice Walker").contains("Jenny Kim, RN");
        admin.get("/app/admin/audit");
        var verified = admin.post("/app/admin/audit/verify", Map.of());
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.body()).contains("Intact:");
    }
}
