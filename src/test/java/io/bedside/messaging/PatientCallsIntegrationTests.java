package io.bedside.messaging;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.KIM;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import tools.jackson.databind.JsonNode;

/**
 * "Called the patient" through the API: the care team records a call with an optional outcome
 * note, encrypted at rest and audited; the patient and anyone else are answered 404; bad input is
 * a problem and writes nothing. (Other practices and patients: {@link AccessMatrixIntegrationTests}.)
 */
@BothDatabases
class PatientCallsIntegrationTests extends ApplicationTest {

    private static final String NOTE = "Reached her at home; advised the ER, her husband is driving her " + UUID.randomUUID();

    private String conversation;

    @BeforeEach
    void urgentConversation() {
        conversation = demo.startAsPatient(ALICE, "Dr. Patel", "Chest", "I have chest pain since this morning");
    }

    private Api.Call call(String body) {
        Api.Call call = api.post("/api/v1/conversations/" + conversation + "/calls").token(demo.token(KIM));
        return body == null ? call : call.raw("application/json", body);
    }

    @Test
    void theNurseRecordsACallWithANoteThatIsEncryptedAuditedAndListed() {
        Api.Response recorded = api.post("/api/v1/conversations/" + conversation + "/calls").token(demo.token(KIM))
                .json(Map.of("outcome", "  " + NOTE + "  ")).send();
        assertThat(recorded.status()).isEqualTo(201);
        JsonNode call = recorded.json();
        assertThat(call.get("outcome").asString()).isEqualTo(NOTE);
        assertThat(call.get("caller").get("displayName").asString()).isEqualTo("Jenny Kim, RN");
        assertThat(call.get("conversationId").asString()).isEqualTo(conversation);
        assertThat(call.get("calledAt").asString()).isNotBlank();

        JsonNode listed = api.get("/api/v1/conversations/" + conversation + "/calls").token(demo.token(KIM)).send().json();
        assertThat(listed.get("items")).hasSize(1);
        assertThat(listed.get("items").get(0).get("outcome").asString()).isEqualTo(NOTE);

        byte[] stored = jdbc.sql("select outcome_ciphertext from patient_call where conversation_id = :c")
                .param("c", UUID.fromString(conversation)).query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Reached her");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'patient.called' and target_id = :c and allowed = true")
                .param("c", conversation).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'patient_calls.read' and target_id = :c")
                .param("c", conversation).query(Long.class).single()).isPositive();
        // The patient's own view of the conversation says nothing of it.
        assertThat(api.get("/api/v1/conversations/" + conversation + "/messages").token(demo.token(ALICE)).send().body())
                .doesNotContain("Reached her");
    }

    @Test
    void theNoteIsOptional() {
        Api.Response empty = call("{}").send();
        assertThat(empty.status()).isEqualTo(201);
        assertThat(noOutcome(empty.json())).isTrue();
        assertThat(call(null).send().status()).as("no body at all").isEqualTo(201);
        assertThat(noOutcome(call("{\"outcome\": \"   \"}").send().json())).isTrue();
        assertThat(calls()).isEqualTo(3);
    }

    @Test
    void thePatientHerselfGetsNotFoundLikeAMissingConversationAndWritesNothing() {
        for (Api.Call attempt : new Api.Call[] {
                api.post("/api/v1/conversations/" + conversation + "/calls").token(demo.token(ALICE)).json(Map.of("outcome", "x")),
                api.get("/api/v1/conversations/" + conversation + "/calls").token(demo.token(ALICE))}) {
            Api.Response response = attempt.send();
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        Api.Response missing = api.post("/api/v1/conversations/" + UUID.randomUUID() + "/calls").token(demo.token(ALICE))
                .json(Map.of("outcome", "x")).send();
        Api.Response hers = api.post("/api/v1/conversations/" + conversation + "/calls").token(demo.token(ALICE))
                .json(Map.of("outcome", "x")).send();
        assertThat(hers.json().get("detail").asString()).isEqualTo(missing.json().get("detail").asString());
        assertThat(calls()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'patient.called' and target_id = :c and allowed = false")
                .param("c", conversation).query(Long.class).single()).isPositive();
    }

    @Test
    void badInputIsAProblemAndWritesNothing() {
        for (String body : new String[] {"{\"outcome\": \"" + "x".repeat(2001) + "\"}", "{\"outcome\": ", "[1, 2]",
                "{\"outcome\": {\"text\": \"nested\"}}", "{\"outcome\": 42}", "{\"outcome\": true}"}) {
            Api.Response response = call(body).send();
            assertThat(response.status()).as(body.length() > 60 ? "too long" : body).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        Api.Response notAnId = api.post("/api/v1/conversations/not-an-id/calls").token(demo.token(KIM))
                .json(Map.of("outcome", "x")).send();
        assertThat(notAnId.contentType()).startsWith("application/problem+json");
        assertThat(notAnId.status()).isIn(400, 404);
        assertThat(calls()).isZero();
    }

    private static boolean noOutcome(JsonNode call) {
        return call.get("outcome") == null || call.get("outcome").isNull();
    }

    private long calls() {
        return jdbc.sql("select count(*) from patient_call where conversation_id = :c")
                .param("c", UUID.fromString(conversation)).query(Long.class).single();
    }
}
