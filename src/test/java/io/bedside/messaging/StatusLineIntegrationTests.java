package io.bedside.messaging;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.BOB;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.LEE;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import io.bedside.support.PageSession;
import io.bedside.support.SseClient;
import tools.jackson.databind.JsonNode;

/**
 * The patient's status line (issue 19): received → read by the care team → being handled by
 * "Jenny Kim, RN" (or "a nurse" when the practice shows the role only) → answered, with the promised
 * answer time, on the conversation page, in its live fragment and in short in the patient's list; a
 * proxy sees the same; each step reaches the patient's event stream (ids only) so the page refreshes.
 */
@BothDatabases
class StatusLineIntegrationTests extends ApplicationTest {

    private static final String MARIA = "maria@patients.example";

    @AfterEach
    void namesShownAgain() {
        jdbc.sql("update practice set status_line_names = 'name'").update();
    }

    @Test
    void thePatientSeesEachStepAndTheStreamTellsHerPageOfEach() {
        String conversation = demo.startAsPatient(ALICE, "Dr. Patel", "Knee", "My knee hurts after running");
        PageSession alice = PageSession.signedIn(api.base(), ALICE);

        String received = status(alice, conversation);
        assertThat(received).contains("data-stage=\"received\"").contains("Received: your message reached the care team")
                .contains("Your care team will answer by")
                .contains("aria-current=\"step\"");
        assertThat(alice.get("/app/conversations/" + conversation).body())
                .contains("class=\"status-line-live\" role=\"status\" aria-live=\"polite\"")
                .contains("data-stage=\"received\"").contains("Your care team will answer by");
        assertThat(listRow(alice, conversation)).contains("data-stage=\"received\"");

        try (SseClient stream = SseClient.open(api, demo.token(ALICE))) {
            // The nurse reads it: the patient's stream hears of it, and the line says so.
            assertThat(api.post("/api/v1/conversations/" + conversation + "/read").token(demo.token(KIM))
                    .json(Map.of("seq", 1)).send().status()).isEqualTo(200);
            stream.await(e -> e.name().equals("read.updated") && e.data().contains(conversation), Duration.ofSeconds(10));
            assertThat(status(alice, conversation)).contains("data-stage=\"read\"").contains("Read by the care team")
                    .contains("Your care team will answer by");
            assertThat(listRow(alice, conversation)).contains("Read by the care team");

            // She takes it.
            assertThat(demo.triage(KIM, conversation, Map.of("assigneeId", id(KIM))).status()).isEqualTo(200);
            JsonNode updated = stream.await(e -> e.name().equals("conversation.updated") && e.data().contains(conversation),
                    Duration.ofSeconds(10)).json();
            assertThat(updated.toString()).doesNotContain("Kim").doesNotContain("Knee");
            assertThat(status(alice, conversation)).contains("data-stage=\"handling\"")
                    .contains("Being handled by Jenny Kim, RN").contains("Your care team will answer by");
            assertThat(listRow(alice, conversation)).contains("Being handled by Jenny Kim, RN");

            // An internal note is no answer.
            assertThat(demo.note(KIM, conversation, "Check the last X-ray").status()).isEqualTo(201);
            assertThat(status(alice, conversation)).contains("data-stage=\"handling\"");

            // She answers: the promise is kept, none is shown any more.
            assertThat(demo.send(KIM, conversation, "Rest it for a week, and ice it twice a day.").status()).isEqualTo(201);
            stream.await(e -> e.name().equals("message.created") && e.data().contains(conversation), Duration.ofSeconds(10));
            String answered = status(alice, conversation);
            assertThat(answered).contains("data-stage=\"answered\"").doesNotContain("Your care team will answer by")
                    .doesNotContain("Jenny Kim");
            assertThat(listRow(alice, conversation)).contains("data-stage=\"answered\"");
        }

        // The patient writes again: back to received.
        assertThat(demo.send(ALICE, conversation, "It still hurts on the stairs.").status()).isEqualTo(201);
        assertThat(status(alice, conversation)).contains("data-stage=\"handling\"")
                .as("still assigned to the nurse").contains("Jenny Kim, RN");
    }

    @Test
    void aPracticeMayShowTheRoleOnlyAndTheLineSpeaksSpanish() {
        String conversation = demo.startAsPatient(ALICE, "Dr. Patel", "Rash", "A rash on my arm");
        demo.triage(KIM, conversation, Map.of("assigneeId", id(KIM)));
        PageSession alice = PageSession.signedIn(api.base(), ALICE);
        assertThat(status(alice, conversation)).contains("Being handled by Jenny Kim, RN");

        PageSession admin = PageSession.signedIn(api.base(), RIVERSIDE_ADMIN);
        assertThat(admin.get("/app/admin/practice").body()).contains("name=\"names\" value=\"name\" checked");
        assertThat(admin.post("/app/admin/practice/status-line", Map.of("names", "role")).location())
                .endsWith("/app/admin/practice?saved");
        assertThat(admin.get("/app/admin/practice").body()).contains("name=\"names\" value=\"role\" checked");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'practice.changed' and target_id = 'statusLineNames'")
                .query(Long.class).single()).isPositive();

        assertThat(status(alice, conversation)).contains("Being handled by a nurse").doesNotContain("Jenny").doesNotContain("Kim");
        assertThat(listRow(alice, conversation)).contains("Being handled by a nurse").doesNotContain("Jenny");
        assertThat(alice.get("/app/conversations/" + conversation + "/status?lang=es").body())
                .contains("Lo está atendiendo una enfermera").contains("Su equipo de atención responderá a más tardar");
        alice.get("/app/conversations/" + conversation + "/status?lang=en");

        // Only an admin chooses, and only name or role.
        PageSession kim = PageSession.signedIn(api.base(), KIM);
        kim.get("/app/inbox");
        assertThat(kim.post("/app/admin/practice/status-line", Map.of("names", "name")).status()).isIn(403, 404);
        assertThat(admin.post("/app/admin/practice/status-line", Map.of("names", "everything")).status()).isEqualTo(400);
        assertThat(status(alice, conversation)).contains("Being handled by a nurse");
    }

    @Test
    void aProxySeesTheLineOfTheChildsConversationAndOthersGetNotFound() {
        String leo = leo();
        var started = api.post("/api/v1/conversations").token(demo.token(MARIA)).json(Map.of(
                "careTeamId", demo.team(MARIA, "Pediatrics"), "patientId", leo, "subject", "Leo's ear",
                "body", "Leo pulls at his ear")).send();
        assertThat(started.status()).isEqualTo(201);
        String conversation = started.json().get("id").asString();
        PageSession maria = PageSession.signedIn(api.base(), MARIA);
        assertThat(status(maria, conversation)).contains("data-stage=\"received\"");

        assertThat(demo.triage(LEE, conversation, Map.of("assigneeId", id(LEE))).status()).isEqualTo(200);
        String handled = status(maria, conversation);
        assertThat(handled).contains("data-stage=\"handling\"").contains("Being handled by Dr.");
        assertThat(maria.get("/app/conversations/" + conversation).body()).contains("data-stage=\"handling\"");

        assertThat(demo.send(LEE, conversation, "Bring him in tomorrow morning.").status()).isEqualTo(201);
        assertThat(status(maria, conversation)).contains("data-stage=\"answered\"");

        // Another patient, and another practice's staff, are answered like a missing conversation.
        assertThat(PageSession.signedIn(api.base(), BOB).get("/app/conversations/" + conversation + "/status").status())
                .isEqualTo(404);
        assertThat(PageSession.signedIn(api.base(), KIM).get("/app/conversations/" + conversation + "/status").status())
                .isEqualTo(404);
    }

    @Test
    void aConversationTheCareTeamStartedHasNoLineUntilThePatientWrites() {
        String alice = demo.me(ALICE).get("patientId").asString();
        var started = api.post("/api/v1/conversations").token(demo.token(KIM)).json(Map.of(
                "careTeamId", demo.team(KIM, "Dr. Patel"), "patientId", alice, "subject", "Lab results",
                "body", "Your results are in and look normal.")).send();
        assertThat(started.status()).isEqualTo(201);
        String conversation = started.json().get("id").asString();
        PageSession page = PageSession.signedIn(api.base(), ALICE);
        assertThat(status(page, conversation)).contains("id=\"status-line\"").doesNotContain("data-stage=");
        demo.send(ALICE, conversation, "Thank you!");
        assertThat(status(page, conversation)).contains("data-stage=\"received\"");
    }

    private String status(PageSession session, String conversation) {
        PageSession.Page page = session.background("/app/conversations/" + conversation + "/status");
        assertThat(page.status()).as("status fragment").isEqualTo(200);
        return page.body();
    }

    /** The patient's list row of the conversation, from the list's live fragment. */
    private String listRow(PageSession session, String conversation) {
        String body = session.background("/app/conversations/fragment").body();
        int at = body.indexOf("/app/conversations/" + conversation + "\"");
        assertThat(at).as("row of the conversation").isPositive();
        int end = body.indexOf("</a>", at);
        return body.substring(at, end);
    }

    private String id(String username) {
        return demo.me(username).get("id").asString();
    }

    private String leo() {
        for (JsonNode f : demo.me(MARIA).get("patients")) {
            if (f.get("displayName").asString().startsWith("Leo")) {
                return f.get("id").asString();
            }
        }
        throw new AssertionError("Maria acts for no Leo");
    }
}
