package io.bedside.admin;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.CAROL;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.LAKESIDE_ADMIN;
import static io.bedside.support.Demo.LEE;
import static io.bedside.support.Demo.PATEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import io.bedside.support.PageSession;
import tools.jackson.databind.JsonNode;

/** Staff add one patient (POST /api/v1/patients and the Patients page) and correct their contact details. */
@BothDatabases
class PatientRecordsIntegrationTests extends ApplicationTest {

    @org.springframework.beans.factory.annotation.Autowired
    io.bedside.patient.Patients roster;

    private static Map<String, Object> dana(String externalId) {
        Map<String, Object> body = new HashMap<>();
        body.put("externalId", externalId);
        body.put("givenName", "Dana");
        body.put("familyName", "Okafor");
        body.put("birthDate", "1971-04-02");
        body.put("sex", "female");
        body.put("email", externalId.toLowerCase() + "@patients.example");
        body.put("phone", "(555) 010-2001");
        body.put("language", "es");
        body.put("tags", List.of("diabetes", "hypertension"));
        body.put("lastVisit", "2025-10-01");
        return body;
    }

    private Api.Response add(String who, Map<String, Object> body) {
        return api.post("/api/v1/patients").token(demo.token(who)).json(body).send();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private long patients() {
        return count("select count(*) from patient");
    }

    @Test
    void aMemberOfStaffAddsOnePatientWithTheRosterFields() {
        Api.Response created = add(KIM, dana("ONE-1"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode patient = created.json();
        String id = patient.get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/patients/" + id);
        assertThat(patient.get("externalId").asString()).isEqualTo("ONE-1");
        assertThat(patient.get("givenName").asString()).isEqualTo("Dana");
        assertThat(patient.get("familyName").asString()).isEqualTo("Okafor");
        assertThat(patient.get("birthDate").asString()).isEqualTo("1971-04-02");
        assertThat(patient.get("sex").asString()).isEqualTo("female");
        assertThat(patient.get("email").asString()).isEqualTo("one-1@patients.example");
        assertThat(patient.get("phone").asString()).isEqualTo("+15550102001");
        assertThat(patient.get("language").asString()).isEqualTo("es");
        assertThat(patient.get("tags").toString()).isEqualTo("[\"diabetes\",\"hypertension\"]");
        assertThat(patient.get("lastVisit").asString()).isEqualTo("2025-10-01");
        assertThat(patient.get("invited").asBoolean()).isFalse();

        Api.Response read = api.get(created.header("Location")).token(demo.token(PATEL)).send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("familyName").asString()).isEqualTo("Okafor");
        assertThat(count("select count(*) from audit_event where action = 'patient.added' and patient_id = '" + id + "'"))
                .isEqualTo(1);
        var stored = roster.rosterByExternalId(demo.actor(KIM).practiceId(), List.of("ONE-1")).get("ONE-1");
        assertThat(stored.tags()).containsExactly("diabetes", "hypertension");
        assertThat(stored.lastVisit()).isEqualTo("2025-10-01");
        // No account, no invitation unless asked for.
        assertThat(count("select count(*) from user_account where patient_id = '" + id + "'")).isZero();
    }

    @Test
    void anExternalIdAlreadyOnTheRosterIsAConflictButAnotherPracticeMayUseIt() {
        assertThat(add(KIM, dana("DUP-1")).status()).isEqualTo(201);
        long before = patients();
        Map<String, Object> again = dana("DUP-1");
        again.put("givenName", "Other");
        Api.Response conflict = add(PATEL, again);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.contentType()).startsWith("application/problem+json");
        assertThat(conflict.json().get("detail").asString()).contains("external id");
        assertThat(patients()).isEqualTo(before);

        Api.Response lakeside = add(LEE, dana("DUP-1"));
        assertThat(lakeside.status()).isEqualTo(201);
        assertThat(patients()).isEqualTo(before + 1);
    }

    @Test
    void aBadFieldIsRefusedNamingItAndNothingIsWritten() {
        long before = patients();
        long audit = count("select count(*) from audit_event where action = 'patient.added'");
        Map<String, Object[]> bad = new java.util.LinkedHashMap<>();
        bad.put("externalId", new Object[] {"externalId", ""});
        bad.put("givenName", new Object[] {"givenName", " "});
        bad.put("familyName", new Object[] {"familyName", null});
        bad.put("birthDate", new Object[] {"birthDate", "1990-02-30"});
        bad.put("future birthDate", new Object[] {"birthDate", "2099-01-01"});
        bad.put("sex", new Object[] {"sex", "robot"});
        bad.put("email", new Object[] {"email", "not-an-address"});
        bad.put("phone", new Object[] {"phone", "call me"});
        bad.put("language", new Object[] {"language", "klingon"});
        bad.put("tags", new Object[] {"tags", List.of("no spaces allowed")});
        bad.put("tags type", new Object[] {"tags", 7});
        bad.put("lastVisit", new Object[] {"lastVisit", "yesterday"});
        bad.put("givenName type", new Object[] {"givenName", 42});
        bad.put("invite type", new Object[] {"invite", "yes"});
        bad.put("unknown", new Object[] {"favouriteColour", "blue"});
        for (var attempt : bad.entrySet()) {
            Map<String, Object> body = dana("BAD-" + attempt.getKey().replace(' ', '-'));
            body.put((String) attempt.getValue()[0], attempt.getValue()[1]);
            Api.Response answer = add(KIM, body);
            assertThat(answer.status()).as(attempt.getKey() + ": " + answer).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("errors").get(0).get("field").asString()).as(attempt.getKey())
                    .isEqualTo(attempt.getValue()[0]);
        }
        Map<String, Object> inviteWithoutEmail = dana("BAD-invite");
        inviteWithoutEmail.remove("email");
        inviteWithoutEmail.put("invite", true);
        Api.Response noEmail = add(KIM, inviteWithoutEmail);
        assertThat(noEmail.status()).isEqualTo(400);
        assertThat(noEmail.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
        assertThat(api.post("/api/v1/patients").token(demo.token(KIM)).json("{\"externalId\": ").send().status())
                .isEqualTo(400);
        assertThat(patients()).isEqualTo(before);
        assertThat(count("select count(*) from audit_event where action = 'patient.added'")).isEqualTo(audit);
    }

    @Test
    void invitingAtOnceMakesTheAccountAndQueuesTheInvitation() {
        Map<String, Object> body = dana("INV-1");
        body.put("invite", true);
        Api.Response created = add(KIM, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("invited").asBoolean()).isTrue();
        String id = created.json().get("id").asString();
        String user = jdbc.sql("select id from user_account where patient_id = '" + id + "'").query(String.class).single();
        assertThat(count("select count(*) from notification where kind = 'INVITATION' and user_id = '" + user + "'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from audit_event where action = 'patient.invited' and patient_id = '" + id + "'"))
                .isEqualTo(1);

        // The invitation not yet accepted follows a corrected address.
        api.patch("/api/v1/patients/" + id).token(demo.token(KIM)).json(Map.of("email", "dana.fixed@patients.example")).send();
        PageSession admin = PageSession.signedIn(api.base(), io.bedside.support.Demo.RIVERSIDE_ADMIN);
        admin.get("/app/patients/" + id);
        assertThat(admin.post("/app/admin/patients/" + id + "/invite", Map.of()).status()).isEqualTo(302);
        assertThat(jdbc.sql("select email from user_account where id = '" + user + "'").query(String.class).single())
                .isEqualTo("dana.fixed@patients.example");
    }

    @Test
    void staffCorrectContactDetailsAuditedButNotTheSignInAddress() {
        String alice = demo.me(ALICE).get("patientId").asString();
        Api.Response changed = api.patch("/api/v1/patients/" + alice).token(demo.token(KIM))
                .json(Map.of("email", "Alice.New@Patients.example", "phone", "+1 (555) 010-9999", "language", "es")).send();
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("email").asString()).isEqualTo("alice.new@patients.example");
        assertThat(changed.json().get("phone").asString()).isEqualTo("+15550109999");
        assertThat(changed.json().get("language").asString()).isEqualTo("es");
        List<String> fields = jdbc.sql("""
                select target_id from audit_event where action = 'patient.contact-changed' and patient_id = :p
                   and target_type = 'patient_field'""").param("p", UUID.fromString(alice)).query(String.class).list();
        assertThat(fields).containsExactlyInAnyOrder("email", "phone", "language");
        // Alice still signs in with her own address: staff do not move someone's sign-in.
        assertThat(api.signIn(ALICE, "demo-password")).isNotBlank();

        Api.Response unknown = api.patch("/api/v1/patients/" + alice).token(demo.token(KIM))
                .json(Map.of("phone", "+15550100000", "birthDate", "1900-01-01")).send();
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("birthDate");
        Api.Response badEmail = api.patch("/api/v1/patients/" + alice).token(demo.token(KIM))
                .json(Map.of("email", "nope", "language", "en")).send();
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
        JsonNode now = api.get("/api/v1/patients/" + alice).token(demo.token(KIM)).send().json();
        assertThat(now.get("phone").asString()).isEqualTo("+15550109999");
        assertThat(now.get("language").asString()).isEqualTo("es");

        Map<String, Object> clear = new HashMap<>();
        clear.put("phone", null);
        clear.put("language", "en");
        clear.put("email", "alice@patients.example");
        assertThat(api.patch("/api/v1/patients/" + alice).token(demo.token(KIM)).json(clear).send().json()
                .has("phone")).isFalse();
        // Alice as the demo has her: other test classes share this application context.
        assertThat(api.patch("/api/v1/patients/" + alice).token(demo.token(KIM))
                .json(Map.of("phone", "+15555550101")).send().status()).isEqualTo(200);
    }

    @Test
    void staffRecordTheOwnPhysicianAPhysicianOfTheirPracticeOnly() {
        String alice = demo.me(ALICE).get("patientId").asString();
        String patel = demo.me(PATEL).get("id").asString();
        String kim = demo.me(KIM).get("id").asString();
        String lee = demo.me(LEE).get("id").asString();
        String path = "/api/v1/patients/" + alice;
        assertThat(api.get(path).token(demo.token(KIM)).send().json().get("primaryProviderId").asString())
                .as("the demo's own physician").isEqualTo(patel);
        try {
            for (String notAPhysician : List.of(kim, lee, "not-an-id")) {
                Api.Response refused = api.patch(path).token(demo.token(KIM))
                        .json(Map.of("primaryProviderId", notAPhysician)).send();
                assertThat(refused.status()).as(notAPhysician).isEqualTo(400);
                assertThat(refused.contentType()).startsWith("application/problem+json");
                assertThat(refused.body()).contains("primaryProviderId");
            }
            Api.Response cleared = api.patch(path).token(demo.token(KIM)).json(Map.of("primaryProviderId", "")).send();
            assertThat(cleared.status()).isEqualTo(200);
            JsonNode none = cleared.json().get("primaryProviderId");
            assertThat(none == null || none.isNull()).as("no physician recorded").isTrue();
            assertThat(count("select count(*) from audit_event where action = 'patient.contact-changed' "
                    + "and target_id = 'primaryProviderId' and patient_id = '" + alice + "'")).isGreaterThanOrEqualTo(1);

            PageSession page = PageSession.signedIn(api.base(), KIM);
            assertThat(page.get(path.replace("/api/v1", "/app") + "/contact").body()).contains("Own physician");
            var saved = page.post("/app/patients/" + alice + "/contact", Map.of("email", "alice@patients.example",
                    "phone", "+15555550101", "language", "en", "primaryProviderId", patel));
            assertThat(saved.status()).isEqualTo(302);
        } finally {
            api.patch(path).token(demo.token(KIM)).json(Map.of("primaryProviderId", patel)).send();
        }
        assertThat(api.get(path).token(demo.token(KIM)).send().json().get("primaryProviderId").asString()).isEqualTo(patel);
    }

    @Test
    void patientsAndAnotherPracticeGetNotFoundAndChangeNothing() {
        String alice = demo.me(ALICE).get("patientId").asString();
        String before = api.get("/api/v1/patients/" + alice).token(demo.token(KIM)).send().body();
        long patients = patients();
        for (String wrong : List.of(LEE, LAKESIDE_ADMIN, ALICE, CAROL)) {
            for (Api.Call call : List.of(api.get("/api/v1/patients/" + alice),
                    api.patch("/api/v1/patients/" + alice).json(Map.of("phone", "+15550100000")))) {
                Api.Response theirs = call.token(demo.token(wrong)).send();
                assertThat(theirs.status()).as(wrong).isEqualTo(404);
                assertThat(theirs.contentType()).startsWith("application/problem+json");
            }
            Api.Response missing = api.get("/api/v1/patients/" + UUID.randomUUID()).token(demo.token(wrong)).send();
            assertThat(missing.status()).isEqualTo(404);
        }
        for (String patient : List.of(ALICE, CAROL)) {
            assertThat(add(patient, dana("PAT-" + patient.charAt(0))).status()).isEqualTo(404);
        }
        assertThat(api.get("/api/v1/patients/" + alice).token(demo.token(KIM)).send().body()).isEqualTo(before);
        assertThat(patients()).isEqualTo(patients);
        assertThat(count("select count(*) from audit_event where action = 'patient.contact-changed' and allowed = false "
                + "and target_id = '" + alice + "'")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void thePatientsPageAddsAPatientAndThePatientPageEditsTheirContactDetails() {
        PageSession kim = PageSession.signedIn(api.base(), KIM);
        var search = kim.get("/app/patients");
        assertThat(search.body()).contains("Add a patient");
        Map<String, String> form = new HashMap<>(Map.of("externalId", "PAGE-1", "givenName", "Rosa", "familyName",
                "Delgado", "birthDate", "1966-06-16", "sex", "female", "email", "rosa.page@patients.example",
                "phone", "", "language", "en", "tags", "asthma", "lastVisit", ""));
        form.put("birthDate", "1966-02-31");
        var refused = kim.post("/app/patients/new", form);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Bad date of birth").contains("value=\"Delgado\"");
        form.put("birthDate", "1966-06-16");
        var added = kim.post("/app/patients/new", form);
        assertThat(added.status()).isEqualTo(302);
        assertThat(added.location()).matches(".*/app/patients/[0-9a-f-]{36}\\?added");
        String path = added.location().substring(added.location().indexOf("/app/patients/")).replace("?added", "");
        assertThat(kim.get(path + "?added").body()).contains("Delgado").contains("rosa.page@patients.example")
                .contains("The patient is on the roster.");
        assertThat(kim.post("/app/patients/new", form).status()).isEqualTo(409);

        var contact = kim.get(path + "/contact");
        assertThat(contact.status()).isEqualTo(200);
        var bad = kim.post(path + "/contact", Map.of("email", "rosa@", "phone", "", "language", "en"));
        assertThat(bad.status()).isEqualTo(400);
        var saved = kim.post(path + "/contact", Map.of("email", "rosa.new@patients.example", "phone", "555 010 3003",
                "language", "es"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(kim.get(path).body()).contains("rosa.new@patients.example").contains("+1 555-010-3003");
    }
}
