package io.bedside.audit;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.BOB;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.PATEL;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import io.bedside.support.PageSession;
import tools.jackson.databind.JsonNode;

/**
 * A patient's own access report (GET /api/v1/audit and the “Who has looked at your record” page):
 * who, in what role, did what and when — never the staff's network addresses, browsers or the ids
 * of internal notes — and it lists every search that showed the patient's name and date of birth.
 */
@BothDatabases
class PatientAccessReportIntegrationTests extends ApplicationTest {

    @Test
    void patientsReportNamesWhoWhatAndWhenButNoAddressAgentOrInternalNoteId() {
        String conversation = demo.startAsPatient(ALICE, "Dr. Patel", "Sore throat", "Since yesterday.");
        api.get("/api/v1/conversations/" + conversation + "/messages").token(demo.token(KIM))
                .header("User-Agent", "NurseTablet/9.9").header("X-Forwarded-For", "203.0.113.77").send();
        String note = demo.note(PATEL, conversation, "Probably viral; check again Friday.").json().get("id").asString();
        String address = jdbc.sql("""
                select client_address from audit_event where action = 'messages.read' and user_agent = 'NurseTablet/9.9'
                   and target_id = :c""").param("c", conversation).query(String.class).single();
        String kim = demo.me(KIM).get("id").asString();
        String patel = demo.me(PATEL).get("id").asString();

        var report = api.get("/api/v1/audit").token(demo.token(ALICE)).send();
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body()).doesNotContain(address, "NurseTablet", note, kim, patel)
                .doesNotContain("clientAddress", "userAgent");
        assertThat(report.json().get("items")).anySatisfy(e -> {
            assertThat(e.get("actorName").asString()).isEqualTo("Jenny Kim, RN");
            assertThat(e.get("actorRole").asString()).isEqualTo("nurse");
            assertThat(e.get("action").asString()).isEqualTo("messages.read");
            assertThat(e.get("occurredAt").asString()).isNotBlank();
        });

        PageSession alice = PageSession.signedIn(api.base(), ALICE);
        var page = alice.get("/app/access");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Jenny Kim, RN").doesNotContain(address, "NurseTablet", note, kim, patel);

        String alicePatient = demo.me(ALICE).get("patientId").asString();
        String staffView = api.get("/api/v1/audit?patientId=" + alicePatient).token(demo.token(RIVERSIDE_ADMIN)).send()
                .body();
        assertThat(staffView).as("the practice admin's view keeps addresses and browsers")
                .contains(address, "NurseTablet/9.9", note);
    }

    @Test
    void aStaffSearchIsOnTheReportOfEachPatientItShowedAndOfNoOneElse() {
        PageSession kim = PageSession.signedIn(api.base(), KIM);
        var results = kim.get("/app/patients?q=Walker");
        assertThat(results.body()).contains("Alice").doesNotContain("Martinez");

        JsonNode alice = api.get("/api/v1/audit").token(demo.token(ALICE)).send().json().get("items");
        assertThat(alice).anySatisfy(e -> {
            assertThat(e.get("action").asString()).isEqualTo("patient.searched");
            assertThat(e.get("actorName").asString()).isEqualTo("Jenny Kim, RN");
        });
        PageSession alicePages = PageSession.signedIn(api.base(), ALICE);
        assertThat(alicePages.get("/app/access").body()).contains("in a search of the patient list");

        JsonNode bob = api.get("/api/v1/audit").token(demo.token(BOB)).send().json().get("items");
        assertThat(bob).noneSatisfy(e -> assertThat(e.get("action").asString()).contains("search"));
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'patient.searched' and patient_id = :p")
                .param("p", UUID.fromString(demo.me(BOB).get("patientId").asString())).query(Long.class).single())
                .isZero();
    }
}
