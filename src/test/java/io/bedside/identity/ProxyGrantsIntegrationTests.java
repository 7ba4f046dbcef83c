package io.bedside.identity;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.BOB;
import static io.bedside.support.Demo.CAROL;
import static io.bedside.support.Demo.LAKESIDE_ADMIN;
import static io.bedside.support.Demo.LEE;
import static io.bedside.support.Demo.PATEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import io.bedside.notification.NotificationDispatcher;
import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import io.bedside.support.MovableClock;
import io.bedside.support.PageSession;
import tools.jackson.databind.JsonNode;

/**
 * Family access over HTTP (issue 16): staff grant a parent, who is invited by a PHI-free link and
 * then acts for the child; revoking ends it at the next request; an adult patient manages their own
 * caregivers; a parent's access ends at 18 (at the next request, and the nightly check stamps it);
 * the access report names the proxy with the relationship; wrong actors get 404 and write nothing.
 */
@Import(MovableClock.Config.class)
@BothDatabases
class ProxyGrantsIntegrationTests extends ApplicationTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final String PASSWORD = "copper lantern harbor";
    private static final Pattern LINK = Pattern.compile("http://localhost:8080(/invite/[A-Za-z0-9_-]+)");

    @Autowired
    MovableClock clock;

    @Autowired
    NotificationDispatcher dispatcher;

    @Autowired
    ProxyGrants grants;

    @BeforeEach
    void now() {
        clock.set(Instant.now());
    }

    // ------------------------------------------------------------ helpers

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@family.example";
    }

    /** A new Lakeside patient born on this day, without an account. */
    private String patient(String who, LocalDate birth) {
        Map<String, Object> body = new HashMap<>();
        body.put("externalId", "T-" + UUID.randomUUID().toString().substring(0, 8));
        body.put("givenName", "Sam");
        body.put("familyName", "Rivera");
        body.put("birthDate", birth.toString());
        body.put("sex", "male");
        body.put("language", "en");
        Api.Response added = api.post("/api/v1/patients").token(demo.token(who)).json(body).send();
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added.json().get("id").asString();
    }

    private Api.Response grant(String staff, String patient, String name, String email, String relationship) {
        return api.post("/api/v1/patients/" + patient + "/proxies").token(demo.token(staff))
                .json(Map.of("name", name, "email", email, "relationship", relationship)).send();
    }

    /** The invitation emailed to this address: it never names the patient. */
    private String emailedLink(String email, String... notNamed) {
        dispatcher.dispatchDue();
        List<JsonNode> mail = new ArrayList<>();
        api.get("/api/v1/dev/outbox").token(demo.token(LAKESIDE_ADMIN)).send().json().get("items").forEach(item -> {
            if (item.get("to").asString().equals(email)) {
                mail.add(item);
            }
        });
        assertThat(mail).hasSize(1);
        String text = mail.get(0).get("subject").asString() + "\n" + mail.get(0).get("text").asString();
        for (String name : notNamed) {
            assertThat(text).doesNotContain(name);
        }
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).as(text).isTrue();
        return link.group(1);
    }

    /** Accepts an emailed invitation the way a browser does, and signs in over the API. */
    private String accept(String link, String email, String greeted) {
        PageSession browser = new PageSession(api.base());
        assertThat(browser.get(link).body()).contains(greeted);
        assertThat(browser.post(link, Map.of("password", PASSWORD, "confirmation", PASSWORD)).status()).isEqualTo(302);
        return api.signIn(email, PASSWORD);
    }

    private JsonNode me(String token) {
        Api.Response me = api.get("/api/v1/me").token(token).send();
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        return me.json();
    }

    private static List<String> patientIds(JsonNode me) {
        List<String> ids = new ArrayList<>();
        me.get("patients").forEach(p -> ids.add(p.get("id").asString()));
        return ids;
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private long audited(String action, String patient) {
        return jdbc.sql("select count(*) from audit_event where action = :action and patient_id = :patient")
                .param("action", action).param("patient", UUID.fromString(patient)).query(Long.class).single();
    }

    // ------------------------------------------------------------ demo data

    @Test
    void mariaIsTheDemoParentOfLeoAndCarol() {
        JsonNode me = demo.me("maria@patients.example");
        assertThat(me.get("kind").asString()).isEqualTo("patient");
        assertThat(me.get("displayName").asString()).isEqualTo("Maria Nguyen");
        List<String> names = new ArrayList<>();
        me.get("patients").forEach(p -> names.add(p.get("displayName").asString() + " ("
                + p.get("relationship").asString() + ")"));
        assertThat(names).containsExactlyInAnyOrder("Leo Nguyen (parent)", "Carol Nguyen (parent)");
        me.get("patients").forEach(p -> assertThat(p.has("confidentialAgeRange"))
                .as(p.get("displayName").asString()).isEqualTo(p.get("displayName").asString().startsWith("Carol")));
    }

    // ------------------------------------------------------------ staff grants, invitation, revocation

    @Test
    void staffGrantAParentWhoIsInvitedActsForTheChildAndLosesAccessWhenRevoked() {
        String child = patient(LEE, LocalDate.now(CHICAGO).minusYears(6));
        String email = unique("parent");
        Api.Response granted = grant(LEE, child, "Pat Rivera", email, "parent");
        assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
        JsonNode g = granted.json();
        assertThat(g.get("patientId").asString()).isEqualTo(child);
        assertThat(g.get("relationship").asString()).isEqualTo("parent");
        assertThat(g.get("proxy").get("displayName").asString()).isEqualTo("Pat Rivera");
        assertThat(g.get("proxy").get("email").asString()).isEqualTo(email);
        assertThat(g.get("inForce").asBoolean()).isTrue();
        assertThat(audited("proxy.granted", child)).isEqualTo(1);

        // The same person again: one open grant per patient and proxy.
        assertThat(grant(LEE, child, "Pat Rivera", email, "parent").status()).isEqualTo(409);

        String token = accept(emailedLink(email, "Sam", "Rivera ("), email, "Pat Rivera");
        JsonNode me = me(token);
        assertThat(me.get("kind").asString()).isEqualTo("patient");
        assertThat(me.get("displayName").asString()).isEqualTo("Pat Rivera");
        assertThat(me.get("patients")).hasSize(1);
        assertThat(me.get("patients").get(0).get("id").asString()).isEqualTo(child);
        assertThat(me.get("patients").get(0).get("displayName").asString()).isEqualTo("Sam Rivera");
        assertThat(me.get("patients").get(0).get("relationship").asString()).isEqualTo("parent");
        assertThat(me.get("patients").get(0).has("confidentialAgeRange")).as("a six-year-old").isFalse();

        JsonNode list = api.get("/api/v1/patients/" + child + "/proxies").token(demo.token(LEE)).send().json();
        assertThat(list.get("items")).hasSize(1);
        String grantId = list.get("items").get(0).get("id").asString();

        assertThat(api.delete("/api/v1/patients/" + child + "/proxies/" + grantId).token(demo.token(LEE)).send()
                .status()).isEqualTo(204);
        assertThat(audited("proxy.revoked", child)).isEqualTo(1);
        assertThat(jdbc.sql("select end_reason from proxy_grant where id = :id").param("id", UUID.fromString(grantId))
                .query(String.class).single()).isEqualTo("revoked");
        // No one left to act for: the token no longer signs anyone in.
        assertThat(api.get("/api/v1/me").token(token).send().status()).isEqualTo(401);
        assertThat(api.get("/api/v1/patients/" + child + "/proxies").token(demo.token(LEE)).send().json().get("items"))
                .isEmpty();
        // Revoking twice: the grant is no longer there.
        assertThat(api.delete("/api/v1/patients/" + child + "/proxies/" + grantId).token(demo.token(LEE)).send()
                .status()).isEqualTo(404);
    }

    @Test
    void aRevokedGrantShrinksTheFamilyOfAProxyWhoStillActsForOthers() {
        String first = patient(LAKESIDE_ADMIN, LocalDate.now(CHICAGO).minusYears(4));
        String second = patient(LAKESIDE_ADMIN, LocalDate.now(CHICAGO).minusYears(9));
        String email = unique("guardian");
        assertThat(grant(LAKESIDE_ADMIN, first, "Gale Rivera", email, "guardian").status()).isEqualTo(201);
        String link = emailedLink(email);
        // The test's clock stands still: grants listed oldest first need a moment between them.
        clock.advance(Duration.ofSeconds(1));
        String grantId = grant(LAKESIDE_ADMIN, second, "Gale Rivera", email, "guardian").json().get("id").asString();
        String token = accept(link, email, "Gale Rivera");
        assertThat(patientIds(me(token))).containsExactly(first, second);

        assertThat(api.delete("/api/v1/patients/" + second + "/proxies/" + grantId).token(demo.token(LEE)).send()
                .status()).isEqualTo(204);
        assertThat(patientIds(me(token))).containsExactly(first);
    }

    @Test
    void anExistingPatientOfThePracticeBecomesAProxyWithoutAnInvitationAndOtherAccountsAreRefused() {
        String child = patient(LEE, LocalDate.now(CHICAGO).minusYears(3));
        long mail = count("select count(*) from notification");
        assertThat(grant(LEE, child, "Carol Nguyen", CAROL, "caregiver").status()).isEqualTo(201);
        assertThat(count("select count(*) from notification")).as("no invitation to a signed-up patient").isEqualTo(mail);
        JsonNode me = demo.me(CAROL);
        assertThat(me.get("patients").get(0).get("relationship").asString()).isEqualTo("self");
        assertThat(me.get("patients").get(0).get("id").asString()).isEqualTo(me.get("patientId").asString());
        assertThat(patientIds(me)).hasSize(2).contains(child);
        assertThat(me.get("displayName").asString()).isEqualTo("Carol Nguyen");

        Api.Response staff = grant(LEE, child, "Dr Lee", LAKESIDE_ADMIN, "parent");
        assertThat(staff.status()).isEqualTo(409);
        assertThat(staff.json().get("detail").asString()).contains("member of staff");
        Api.Response other = grant(LEE, child, "Alice", ALICE, "parent");
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().get("detail").asString()).contains("another practice");
    }

    @Test
    void badInputIsAProblemAndWritesNothing() {
        String child = patient(LEE, LocalDate.now(CHICAGO).minusYears(5));
        long grantsBefore = count("select count(*) from proxy_grant");
        long accountsBefore = count("select count(*) from user_account");
        for (Map<String, String> body : List.of(
                Map.of("name", "Pat", "email", "not-an-address", "relationship", "parent"),
                Map.of("name", " ", "email", unique("x"), "relationship", "parent"),
                Map.of("name", "Pat", "email", unique("x"), "relationship", "self"),
                Map.of("name", "Pat", "email", unique("x"), "relationship", "cousin"),
                Map.of("name", "Pat", "email", unique("x")))) {
            Api.Response answer = api.post("/api/v1/patients/" + child + "/proxies").token(demo.token(LEE))
                    .json(body).send();
            assertThat(answer.status()).as(body.toString()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.post("/api/v1/patients/" + child + "/proxies").token(demo.token(LEE))
                .raw("application/json", "{\"name\": ").send().status()).isEqualTo(400);
        assertThat(count("select count(*) from proxy_grant")).isEqualTo(grantsBefore);
        assertThat(count("select count(*) from user_account")).isEqualTo(accountsBefore);
    }

    @Test
    void aParentGrantOnAnAdultIsRefused() {
        String adult = patient(LEE, LocalDate.now(CHICAGO).minusYears(19));
        Api.Response answer = grant(LEE, adult, "Pat Rivera", unique("late"), "parent");
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("detail").asString()).contains("is an adult");
        assertThat(grant(LEE, adult, "Pat Rivera", unique("carer"), "caregiver").status()).isEqualTo(201);
    }

    // ------------------------------------------------------------ an adult patient's caregivers

    @Test
    void anAdultPatientGrantsAndRevokesACaregiverAndAMinorMayNot() {
        String alice = demo.me(ALICE).get("patientId").asString();
        String email = unique("carer");
        Api.Response granted = api.post("/api/v1/me/proxies").token(demo.token(ALICE))
                .json(Map.of("name", "Casey Carer", "email", email)).send();
        assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
        assertThat(granted.json().get("relationship").asString()).isEqualTo("caregiver");
        assertThat(granted.json().get("patientId").asString()).isEqualTo(alice);
        assertThat(audited("proxy.granted", alice)).isGreaterThanOrEqualTo(1);

        dispatcher.dispatchDue();
        List<JsonNode> mail = new ArrayList<>();
        api.get("/api/v1/dev/outbox").token(demo.token(PATEL)).send().json().get("items").forEach(item -> {
            if (item.get("to").asString().equals(email)) {
                mail.add(item);
            }
        });
        assertThat(mail).hasSize(1);
        assertThat(mail.get(0).get("text").asString()).doesNotContain("Alice");
        Matcher link = LINK.matcher(mail.get(0).get("text").asString());
        assertThat(link.find()).isTrue();
        String token = accept(link.group(1), email, "Casey Carer");
        JsonNode me = me(token);
        assertThat(patientIds(me)).containsExactly(alice);
        assertThat(me.get("patients").get(0).get("relationship").asString()).isEqualTo("caregiver");

        JsonNode own = api.get("/api/v1/me/proxies").token(demo.token(ALICE)).send().json();
        String grantId = null;
        for (JsonNode item : own.get("items")) {
            if (item.get("proxy").get("email").asString().equals(email)) {
                grantId = item.get("id").asString();
            }
        }
        assertThat(grantId).isNotNull();
        // Bob is another patient, the caregiver is not Alice: neither may end Alice's grant.
        assertThat(api.delete("/api/v1/me/proxies/" + grantId).token(demo.token(BOB)).send().status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/me/proxies/" + grantId).token(token).send().status()).isIn(403, 404);
        assertThat(api.delete("/api/v1/me/proxies/" + grantId).token(demo.token(ALICE)).send().status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/me").token(token).send().status()).isEqualTo(401);

        // Carol is 16: her parents are added by the practice.
        long before = count("select count(*) from proxy_grant");
        assertThat(api.post("/api/v1/me/proxies").token(demo.token(CAROL))
                .json(Map.of("name", "Casey Carer", "email", unique("carer"))).send().status()).isEqualTo(403);
        assertThat(count("select count(*) from proxy_grant")).isEqualTo(before);
    }

    // ------------------------------------------------------------ coming of age

    @Test
    void aParentsAccessEndsOnTheEighteenthBirthdayAndTheNightlyCheckStampsIt() {
        // Half past eleven at night in Chicago, the eve of the patient's 18th birthday.
        LocalDate eve = LocalDate.now(CHICAGO);
        clock.set(eve.atTime(LocalTime.of(23, 30)).atZone(CHICAGO).toInstant());
        String teen = patient(LEE, eve.plusDays(1).minusYears(18));
        String little = patient(LEE, eve.minusYears(8));
        String email = unique("mother");
        assertThat(grant(LEE, teen, "Morgan Rivera", email, "parent").status()).isEqualTo(201);
        String link = emailedLink(email);
        clock.advance(Duration.ofSeconds(1));
        assertThat(grant(LEE, little, "Morgan Rivera", email, "parent").status()).isEqualTo(201);
        String token = accept(link, email, "Morgan Rivera");
        JsonNode me = me(token);
        assertThat(patientIds(me)).containsExactly(teen, little);
        assertThat(me.get("patients").get(0).get("confidentialAgeRange").get("from").asInt()).isEqualTo(12);
        assertThat(me.get("patients").get(0).get("confidentialAgeRange").get("to").asInt()).isEqualTo(17);

        clock.advance(Duration.ofMinutes(45));
        // Past midnight in Chicago: the next request no longer reaches the adult, before any check ran.
        assertThat(patientIds(me(token))).containsExactly(little);
        JsonNode staffView = api.get("/api/v1/patients/" + teen + "/proxies").token(demo.token(LEE)).send().json();
        assertThat(staffView.get("items").get(0).get("inForce").asBoolean()).isFalse();

        assertThat(grants.endGrantsOfAdults()).isGreaterThanOrEqualTo(1);
        assertThat(audited("proxy.ended", teen)).isEqualTo(1);
        assertThat(jdbc.sql("select end_reason from proxy_grant where patient_id = :p")
                .param("p", UUID.fromString(teen)).query(String.class).single()).isEqualTo("adult");
        assertThat(api.get("/api/v1/patients/" + teen + "/proxies").token(demo.token(LEE)).send().json()
                .get("items")).isEmpty();
        // Run again: nothing more to end, nothing more audited.
        grants.endGrantsOfAdults();
        assertThat(audited("proxy.ended", teen)).isEqualTo(1);
        assertThat(patientIds(me(token))).containsExactly(little);
    }

    // ------------------------------------------------------------ the access report

    @Test
    void theAccessReportNamesTheProxyWithTheRelationship() {
        String child = patient(LEE, LocalDate.now(CHICAGO).minusYears(7));
        String email = unique("named");
        assertThat(grant(LEE, child, "Robin Rivera", email, "guardian").status()).isEqualTo(201);
        String token = accept(emailedLink(email), email, "Robin Rivera");
        // Anything the guardian does for the child is on the child's report: here, listing the conversations.
        assertThat(api.get("/api/v1/conversations?patientId=" + child).token(token).send().status()).isEqualTo(200);

        JsonNode report = api.get("/api/v1/audit?patientId=" + child).token(demo.token(LAKESIDE_ADMIN)).send().json();
        List<String> names = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        report.get("items").forEach(item -> {
            names.add(item.get("actorName").asString());
            actions.add(item.get("action").asString());
        });
        assertThat(names).contains("Robin Rivera (guardian)", "Dr. Daniel Lee");
        assertThat(names).doesNotContain("Sam Rivera");
        assertThat(actions).contains("proxy.granted", "conversations.listed");
        // The page says the same, the relationship in the reader's words.
        assertThat(PageSession.signedIn(api.base(), LAKESIDE_ADMIN).get("/app/access").body())
                .contains("Robin Rivera (guardian)");
    }

    // ------------------------------------------------------------ the access matrix

    /**
     * The grant endpoints tried by every wrong actor: another practice's staff, a patient, a proxy
     * of another patient, a revoked proxy. All 404 (or, for a proxy's own list, 403/404), nothing written.
     */
    @Test
    void everyWrongActorGetsNotFoundOnTheGrantEndpointsAndWritesNothing() {
        String child = patient(LEE, LocalDate.now(CHICAGO).minusYears(5));
        String otherChild = patient(LEE, LocalDate.now(CHICAGO).minusYears(6));
        String grantId = grant(LEE, child, "Dale Rivera", unique("dale"), "parent").json().get("id").asString();
        String otherEmail = unique("other");
        assertThat(grant(LEE, otherChild, "Other Parent", otherEmail, "parent").status()).isEqualTo(201);
        String otherProxy = accept(emailedLink(otherEmail), otherEmail, "Other Parent");
        String revokedEmail = unique("revoked");
        String revokedGrant = grant(LEE, child, "Revoked Parent", revokedEmail, "parent").json().get("id").asString();
        String revokedLink = emailedLink(revokedEmail);
        String revokedProxy = grantToken(revokedLink, revokedEmail, otherChild);
        assertThat(api.delete("/api/v1/patients/" + child + "/proxies/" + revokedGrant).token(demo.token(LEE)).send()
                .status()).isEqualTo(204);

        long grants = count("select count(*) from proxy_grant");
        long open = count("select count(*) from proxy_grant where ended_at is null");
        long accounts = count("select count(*) from user_account");
        Map<String, String> actors = Map.of("Riverside physician", demo.token(PATEL), "Lakeside patient",
                demo.token(CAROL), "Riverside patient", demo.token(ALICE), "proxy of another child", otherProxy,
                "revoked proxy", revokedProxy);
        for (var actor : actors.entrySet()) {
            String t = actor.getValue();
            Map<String, Api.Call> calls = Map.of(
                    "GET proxies", api.get("/api/v1/patients/" + child + "/proxies").token(t),
                    "POST proxy", api.post("/api/v1/patients/" + child + "/proxies").token(t)
                            .json(Map.of("name", "Intruder", "email", unique("intruder"), "relationship", "parent")),
                    "DELETE proxy", api.delete("/api/v1/patients/" + child + "/proxies/" + grantId).token(t),
                    "DELETE own proxy", api.delete("/api/v1/me/proxies/" + grantId).token(t));
            for (var call : calls.entrySet()) {
                Api.Response answer = call.getValue().send();
                assertThat(answer.status()).as(actor.getKey() + ": " + call.getKey() + " " + answer).isEqualTo(404);
            }
        }
        // Lakeside staff reaching the grant through another patient's path.
        assertThat(api.delete("/api/v1/patients/" + otherChild + "/proxies/" + grantId).token(demo.token(LEE)).send()
                .status()).isEqualTo(404);
        assertThat(count("select count(*) from proxy_grant")).isEqualTo(grants);
        assertThat(count("select count(*) from proxy_grant where ended_at is null")).isEqualTo(open);
        assertThat(count("select count(*) from user_account")).isEqualTo(accounts);
    }

    /** A proxy who also holds a grant on {@code keep}, so that their token still signs in once the other ends. */
    private String grantToken(String link, String email, String keep) {
        assertThat(grant(LEE, keep, "Revoked Parent", email, "parent").status()).isEqualTo(201);
        return accept(link, email, "Revoked Parent");
    }
}
