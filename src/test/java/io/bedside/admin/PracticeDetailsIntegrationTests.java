package io.bedside.admin;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.CAROL;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.LAKESIDE_ADMIN;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.bedside.practice.CareTeams;
import io.bedside.shared.CareTeamId;
import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import io.bedside.support.PageSession;
import io.bedside.workflow.AfterHoursTexts;
import tools.jackson.databind.JsonNode;

/** Practice admins read and change their practice's details through GET/PATCH /api/v1/practice and the page. */
@BothDatabases
class PracticeDetailsIntegrationTests extends ApplicationTest {

    @Autowired
    CareTeams careTeams;

    @Autowired
    AfterHoursTexts afterHoursTexts;

    private JsonNode practice(String admin) {
        Api.Response response = api.get("/api/v1/practice").token(demo.token(admin)).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private Api.Response patch(String who, Object body) {
        return api.patch("/api/v1/practice").token(demo.token(who)).json(body).send();
    }

    private List<String> auditIds() {
        return jdbc.sql("select id from audit_event where action = 'practice.changed'").query(String.class).list();
    }

    private long practiceAuditRows() {
        return jdbc.sql("select count(*) from audit_event where action = 'practice.changed'").query(Long.class).single();
    }

    @Test
    void anAdminReadsAndChangesEachFieldAndEachChangeIsAudited() {
        JsonNode before = practice(RIVERSIDE_ADMIN);
        assertThat(before.get("name").asString()).isEqualTo("Riverside Family Medicine");
        assertThat(before.get("displayName").asString()).isEqualTo("Riverside Family Medicine");
        assertThat(before.get("timeZone").asString()).isEqualTo("America/New_York");
        assertThat(before.get("defaultLanguage").asString()).isEqualTo("en");

        List<String> earlier = auditIds();
        Map<String, String> changes = Map.of("name", "Riverside Family Medicine, P.A.", "displayName", "Riverside Clinic",
                "timeZone", "America/Chicago", "defaultLanguage", "es", "phone", "(555) 010-0100",
                "address", "12 River Road\nSpringfield, IL 62701");
        for (var change : changes.entrySet()) {
            Api.Response answer = patch(RIVERSIDE_ADMIN, Map.of(change.getKey(), change.getValue()));
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.json().get(change.getKey()).asString()).isEqualTo(change.getValue());
        }
        JsonNode after = practice(RIVERSIDE_ADMIN);
        changes.forEach((field, value) -> assertThat(after.get(field).asString()).as(field).isEqualTo(value));
        assertThat(after.get("slug").asString()).isEqualTo("riverside");

        List<String> audited = jdbc.sql("""
                select id, target_id from audit_event where action = 'practice.changed' and target_type = 'practice_field'
                   and actor_id = :admin and practice_id = :practice""")
                .param("admin", java.util.UUID.fromString(demo.me(RIVERSIDE_ADMIN).get("id").asString()))
                .param("practice", demo.actor(RIVERSIDE_ADMIN).practiceId().value())
                .query((rs, n) -> earlier.contains(rs.getString("id")) ? null : rs.getString("target_id")).list()
                .stream().filter(java.util.Objects::nonNull).toList();
        assertThat(audited).containsExactlyInAnyOrderElementsOf(changes.keySet());

        // The same values again change nothing and add no audit row.
        long rows = practiceAuditRows();
        assertThat(patch(RIVERSIDE_ADMIN, changes).status()).isEqualTo(200);
        assertThat(practiceAuditRows()).isEqualTo(rows);

        // Clearing the optional fields: the display name falls back to the name.
        Map<String, Object> clear = new HashMap<>();
        clear.put("displayName", null);
        clear.put("phone", "");
        clear.put("address", null);
        JsonNode cleared = patch(RIVERSIDE_ADMIN, clear).json();
        assertThat(cleared.get("displayName").asString()).isEqualTo("Riverside Family Medicine, P.A.");
        assertThat(cleared.has("phone")).as("no phone: the field is left out").isFalse();
        assertThat(cleared.has("address")).isFalse();
        restoreRiverside();
    }

    @Test
    void badValuesAreRefusedNamingTheFieldAndChangeNothing() {
        String before = practice(RIVERSIDE_ADMIN).toString();
        long rows = practiceAuditRows();
        Map<String, Object> nonString = new HashMap<>();
        nonString.put("phone", 5550100);
        Map<String, Object> blankName = new HashMap<>();
        blankName.put("name", null);
        List<Map.Entry<Object, String>> bad = List.of(
                Map.entry(Map.of("timeZone", "Mars/Olympus_Mons"), "timeZone"),
                Map.entry(Map.of("timeZone", "+02:00"), "timeZone"),
                Map.entry(Map.of("timeZone", "Etc/GMT+5"), "timeZone"),
                Map.entry(Map.of("defaultLanguage", "fr"), "defaultLanguage"),
                Map.entry(Map.of("name", "  "), "name"),
                Map.entry(blankName, "name"),
                Map.entry(Map.of("name", "x".repeat(201)), "name"),
                Map.entry(Map.of("phone", "call the desk"), "phone"),
                Map.entry(Map.of("address", "y".repeat(301)), "address"),
                Map.entry(nonString, "phone"),
                // A good change beside a bad one is not applied either.
                Map.entry(Map.of("displayName", "Not applied", "colour", "blue"), "colour"),
                Map.entry(Map.of("name", "Not applied", "timeZone", "America/Nowhere"), "timeZone"));
        for (var attempt : bad) {
            Api.Response answer = patch(RIVERSIDE_ADMIN, attempt.getKey());
            assertThat(answer.status()).as(attempt.getKey() + " " + answer).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("errors").get(0).get("field").asString()).as(answer.toString())
                    .isEqualTo(attempt.getValue());
        }
        assertThat(api.patch("/api/v1/practice").token(demo.token(RIVERSIDE_ADMIN)).json("[1, 2]").send().status())
                .isEqualTo(400);
        assertThat(api.patch("/api/v1/practice").token(demo.token(RIVERSIDE_ADMIN)).json("{\"name\": ").send().status())
                .isEqualTo(400);
        assertThat(practice(RIVERSIDE_ADMIN).toString()).isEqualTo(before);
        assertThat(practiceAuditRows()).isEqualTo(rows);
    }

    /** Family access (issue 16): the ages at which a patient's own questions are private from parents. */
    @Test
    void anAdminSetsTheConfidentialAgeRangeAndBadRangesChangeNothing() {
        assertThat(practice(LAKESIDE_ADMIN).get("confidentialAgeRange").get("from").asInt()).isEqualTo(12);
        assertThat(practice(LAKESIDE_ADMIN).get("confidentialAgeRange").get("to").asInt()).isEqualTo(17);
        long rows = practiceAuditRows();
        for (Object bad : List.of(Map.of("from", 14, "to", 12), Map.of("from", 12, "to", 18), Map.of("from", -1, "to", 17),
                Map.of("from", "12", "to", 17), Map.of("from", 12), "12-17")) {
            Api.Response answer = patch(LAKESIDE_ADMIN, Map.of("confidentialAgeRange", bad, "phone", "+1 555 020 0299"));
            assertThat(answer.status()).as(bad + " " + answer).isEqualTo(400);
            assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("confidentialAgeRange");
        }
        assertThat(practiceAuditRows()).isEqualTo(rows);
        try {
            Api.Response changed = patch(LAKESIDE_ADMIN, Map.of("confidentialAgeRange", Map.of("from", 13, "to", 17)));
            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
            assertThat(changed.json().get("confidentialAgeRange").get("from").asInt()).isEqualTo(13);
            assertThat(practiceAuditRows()).isEqualTo(rows + 1);
            assertThat(patch(KIM, Map.of("confidentialAgeRange", Map.of("from", 10, "to", 17))).status()).isEqualTo(403);
        } finally {
            patch(LAKESIDE_ADMIN, Map.of("confidentialAgeRange", Map.of("from", 12, "to", 17)));
        }
    }

    @Test
    void onlyAdminsReadOrChangeTheirOwnPracticeAndOtherPracticesAreUntouched() {
        String lakeside = practice(LAKESIDE_ADMIN).toString();
        String riverside = practice(RIVERSIDE_ADMIN).toString();
        assertThat(api.get("/api/v1/practice").token(demo.token(KIM)).send().status()).isEqualTo(403);
        assertThat(patch(KIM, Map.of("name", "Kim's Clinic")).status()).isEqualTo(403);
        for (String patient : List.of(ALICE, CAROL)) {
            assertThat(api.get("/api/v1/practice").token(demo.token(patient)).send().status()).isEqualTo(404);
            assertThat(patch(patient, Map.of("name", "Mine now")).status()).isEqualTo(404);
        }
        assertThat(api.get("/api/v1/practice").send().status()).isEqualTo(401);
        assertThat(practice(RIVERSIDE_ADMIN).toString()).isEqualTo(riverside);

        assertThat(patch(LAKESIDE_ADMIN, Map.of("phone", "+1 555 020 0200")).status()).isEqualTo(200);
        assertThat(practice(RIVERSIDE_ADMIN).toString()).isEqualTo(riverside);
        assertThat(practice(LAKESIDE_ADMIN).get("phone").asString()).isEqualTo("+1 555 020 0200");
        assertThat(practice(LAKESIDE_ADMIN).get("name").asString()).isEqualTo(Api.JSON.readTree(lakeside).get("name").asString());
        patch(LAKESIDE_ADMIN, Map.of("phone", ""));
    }

    @Test
    void patientsSeeTheDisplayNamePhoneAndAddressAndTheAfterHoursReplyGivesThePhone() {
        patch(RIVERSIDE_ADMIN, Map.of("displayName", "Riverside Clinic", "phone", "(555) 010-0100",
                "address", "12 River Road, Springfield"));
        assertThat(demo.me(ALICE).get("practice").get("name").asString()).isEqualTo("Riverside Clinic");
        PageSession alice = PageSession.signedIn(api.base(), ALICE);
        var page = alice.get("/app/conversations");
        assertThat(page.body()).contains("Riverside Clinic").contains("(555) 010-0100").contains("12 River Road, Springfield")
                .contains("href=\"tel:(555)010-0100\"").contains("href=\"/accessibility\"");

        var practiceId = demo.actor(ALICE).practiceId();
        String reply = afterHoursTexts.render(practiceId, "en", "Riverside Clinic", "(555) 010-0100", "Monday 8:00 AM",
                "Monday 5:00 PM");
        assertThat(reply).contains("If it cannot wait, call Riverside Clinic at (555) 010-0100.").contains("911");
        assertThat(afterHoursTexts.render(practiceId, "es", "Riverside Clinic", null, "lunes", "martes"))
                .doesNotContain("llame a Riverside Clinic al").contains("911");
        restoreRiverside();
        assertThat(demo.me(ALICE).get("practice").get("name").asString()).isEqualTo("Riverside Family Medicine");
    }

    @Test
    void aNewTimeZoneTakesEffectForOfficeHoursAtOnce() {
        var practiceId = demo.actor(RIVERSIDE_ADMIN).practiceId();
        CareTeamId team = CareTeamId.parse(demo.team(KIM, "Dr. Patel"));
        assertThat(careTeams.officeHours(practiceId, team).zone()).isEqualTo(ZoneId.of("America/New_York"));
        patch(RIVERSIDE_ADMIN, Map.of("timeZone", "Pacific/Honolulu"));
        assertThat(careTeams.officeHours(practiceId, team).zone()).isEqualTo(ZoneId.of("Pacific/Honolulu"));
        restoreRiverside();
    }

    @Test
    void theSettingsPageShowsAndSavesTheDetails() {
        PageSession admin = PageSession.signedIn(api.base(), RIVERSIDE_ADMIN);
        var page = admin.get("/app/admin/practice");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Practice details").contains("value=\"America/New_York\" selected=\"selected\"")
                .contains("Pacific Time (Los Angeles)");
        Map<String, String> form = new HashMap<>(Map.of("name", "Riverside Family Medicine", "displayName", "Riverside Clinic",
                "timeZone", "America/Denver", "defaultLanguage", "en", "phone", "555-010-0100", "address", ""));
        var saved = admin.post("/app/admin/practice/details", form);
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).endsWith("/app/admin/practice?saved");
        assertThat(practice(RIVERSIDE_ADMIN).get("timeZone").asString()).isEqualTo("America/Denver");

        admin.get("/app/admin/practice");
        form.put("timeZone", "Atlantis/Capital");
        form.put("displayName", "Not saved");
        var refused = admin.post("/app/admin/practice/details", form);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("IANA").contains("value=\"Not saved\"");
        assertThat(practice(RIVERSIDE_ADMIN).get("displayName").asString()).isEqualTo("Riverside Clinic");

        PageSession kim = PageSession.signedIn(api.base(), KIM);
        kim.get("/app/inbox");
        assertThat(kim.post("/app/admin/practice/details", form).status()).isEqualTo(403);
        restoreRiverside();
    }

    private void restoreRiverside() {
        Map<String, Object> original = new HashMap<>();
        original.put("name", "Riverside Family Medicine");
        original.put("displayName", null);
        original.put("timeZone", "America/New_York");
        original.put("defaultLanguage", "en");
        original.put("phone", null);
        original.put("address", null);
        assertThat(patch(RIVERSIDE_ADMIN, original).status()).isEqualTo(200);
    }
}
