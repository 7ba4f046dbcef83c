package io.bedside.messaging;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.BOB;
import static io.bedside.support.Demo.CAROL;
import static io.bedside.support.Demo.LAKESIDE_ADMIN;
import static io.bedside.support.Demo.LEE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;

/**
 * Every id-bearing endpoint, tried by every wrong actor against Alice's conversation: the answer
 * is 404 exactly like a missing id, and nothing is written.
 */
@BothDatabases
class AccessMatrixIntegrationTests extends ApplicationTest {

    /** Each id-bearing call of the conversations API. */
    private static final Map<String, BiFunction<Api, String, Api.Call>> ENDPOINTS = Map.of(
            "GET conversation", (api, id) -> api.get("/api/v1/conversations/" + id),
            "GET messages", (api, id) -> api.get("/api/v1/conversations/" + id + "/messages"),
            "POST message", (api, id) -> api.post("/api/v1/conversations/" + id + "/messages")
                    .json(Map.of("body", "Intruding")),
            "POST internal note", (api, id) -> api.post("/api/v1/conversations/" + id + "/messages")
                    .json(Map.of("body", "Intruding", "internal", true)),
            "POST read", (api, id) -> api.post("/api/v1/conversations/" + id + "/read").json(Map.of("seq", 1)),
            "PATCH conversation", (api, id) -> api.patch("/api/v1/conversations/" + id)
                    .json(Map.of("priority", "urgent")),
            // "Called the patient" (issue 21): staff of the practice only.
            "POST call", (api, id) -> api.post("/api/v1/conversations/" + id + "/calls")
                    .json(Map.of("outcome", "Intruding")),
            "GET calls", (api, id) -> api.get("/api/v1/conversations/" + id + "/calls"));

    /** Another patient of the same practice, a patient and staff of another practice. */
    private static final List<String> WRONG_ACTORS = List.of(BOB, CAROL, LEE, LAKESIDE_ADMIN);

    private String alices;

    @BeforeEach
    void alicesConversation() {
        alices = demo.startAsPatient(ALICE, "Dr. Patel", "Private matter", "Only for my team");
    }

    @Test
    void everyWrongActorGetsNotFoundOnEveryEndpointAndWritesNothing() {
        long messages = count("message");
        long readStates = count("read_state");
        long calls = count("patient_call");
        everyWrongActorGetsNotFound(ENDPOINTS, alices);
        assertThat(count("message")).isEqualTo(messages);
        assertThat(count("patient_call")).isEqualTo(calls);
        assertThat(count("read_state")).isEqualTo(readStates);
    }

    /** The patient record endpoints (issue 14): reading and correcting Alice's contact details. */
    @Test
    void everyWrongActorGetsNotFoundOnThePatientRecordEndpointsAndChangesNothing() {
        String alice = demo.me(ALICE).get("patientId").asString();
        Map<String, BiFunction<Api, String, Api.Call>> endpoints = Map.of(
                "GET patient", (api, id) -> api.get("/api/v1/patients/" + id),
                "PATCH patient", (api, id) -> api.patch("/api/v1/patients/" + id)
                        .json(Map.of("email", "intruder@example.org")));
        everyWrongActorGetsNotFound(endpoints, alice);
        assertThat(jdbc.sql("select email from patient where id = :id").param("id", UUID.fromString(alice))
                .query(String.class).single()).isEqualTo("alice@patients.example");
    }

    /**
     * Signed-in devices: another person's session or token id is not found, exactly like a
     * missing one, and nothing ends.
     */
    @Test
    void everyWrongActorGetsNotFoundForAnotherPersonsSessionAndEndsNothing() {
        String alicesToken = demo.token(ALICE);
        String tokenId = null;
        for (var item : api.get("/api/v1/me/sessions").token(alicesToken).send().json().get("items")) {
            if (item.get("current").asBoolean()) {
                tokenId = item.get("id").asString();
            }
        }
        assertThat(tokenId).isNotNull();
        for (String actor : WRONG_ACTORS) {
            Api.Response theirs = api.delete("/api/v1/me/sessions/" + tokenId).token(demo.token(actor)).send();
            Api.Response missing = api.delete("/api/v1/me/sessions/" + UUID.randomUUID()).token(demo.token(actor)).send();
            assertThat(theirs.status()).as(actor).isEqualTo(404);
            assertThat(theirs.contentType()).startsWith("application/problem+json");
            assertThat(theirs.json().get("detail").asString()).isEqualTo(missing.json().get("detail").asString());
            assertThat(api.get("/api/v1/me/sessions").token(demo.token(actor)).send().body()).doesNotContain(tokenId);
        }
        assertThat(api.get("/api/v1/me").token(alicesToken).send().status()).as("nothing ended").isEqualTo(200);
    }

    @Test
    void wrongActorsNeverSeeTheConversationInTheirLists() {
        for (String actor : WRONG_ACTORS) {
            String body = api.get("/api/v1/conversations?limit=100").token(demo.token(actor)).send().body();
            assertThat(body).as(actor).doesNotContain(alices);
        }
        assertThat(api.get("/api/v1/conversations?limit=100").token(demo.token(ALICE)).send().body()).contains(alices);
    }

    @Test
    void refusedReadsAndWritesAreAudited() {
        api.get("/api/v1/conversations/" + alices).token(demo.token(BOB)).send();
        api.post("/api/v1/conversations/" + alices + "/messages").token(demo.token(LEE))
                .json(Map.of("body", "Intruding")).send();
        api.post("/api/v1/conversations/" + alices + "/read").token(demo.token(CAROL)).json(Map.of("seq", 1)).send();
        // Alice's own refused write: a patient may not write an internal note.
        api.post("/api/v1/conversations/" + alices + "/messages").token(demo.token(ALICE))
                .json(Map.of("body", "note", "internal", true)).send();

        for (String action : List.of("conversation.viewed", "message.sent", "read.marked", "note.added")) {
            long denied = jdbc.sql("""
                    select count(*) from audit_event where target_id = :id and allowed = false and action = :action""")
                    .param("id", alices).param("action", action).query(Long.class).single();
            assertThat(denied).as(action).isGreaterThanOrEqualTo(1);
        }
    }

    /** Each wrong actor on each endpoint with this id: 404, a problem that reads exactly like a missing id's. */
    private void everyWrongActorGetsNotFound(Map<String, BiFunction<Api, String, Api.Call>> endpoints, String id) {
        for (String actor : WRONG_ACTORS) {
            for (var endpoint : endpoints.entrySet()) {
                Api.Response theirs = endpoint.getValue().apply(api, id).token(demo.token(actor)).send();
                Api.Response missing = endpoint.getValue().apply(api, UUID.randomUUID().toString())
                        .token(demo.token(actor)).send();

                assertThat(theirs.status()).as(actor + " " + endpoint.getKey()).isEqualTo(404);
                assertThat(theirs.contentType()).startsWith("application/problem+json");
                assertThat(theirs.json().get("detail").asString())
                        .as("a refusal reads exactly like a missing id")
                        .isEqualTo(missing.json().get("detail").asString());
            }
        }
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
