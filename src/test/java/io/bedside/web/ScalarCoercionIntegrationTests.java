package io.bedside.web;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.KIM;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;

/**
 * Finding 13: a JSON scalar of the wrong kind is refused, never turned into another one. A number
 * where text is expected used to become the text ("42" was sent as a message); now it is a 400
 * problem naming the field, and nothing is written.
 */
@BothDatabases
class ScalarCoercionIntegrationTests extends ApplicationTest {

    private long messages() {
        return jdbc.sql("select count(*) from message").query(Long.class).single();
    }

    private long conversations() {
        return jdbc.sql("select count(*) from conversation").query(Long.class).single();
    }

    private static void assertRefusedNaming(Api.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("'" + field + "'");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    @Test
    void aNumberIsNotAMessage() {
        String conversation = demo.startAsPatient(ALICE, "Dr. Patel", "Coercion", "First.");
        long before = messages();

        for (String body : new String[] {"{\"body\": 42}", "{\"body\": 4.2e1}", "{\"body\": true}"}) {
            Api.Response response = api.post("/api/v1/conversations/" + conversation + "/messages")
                    .token(demo.token(ALICE)).json(body).send();
            assertRefusedNaming(response, "body");
        }
        assertThat(messages()).isEqualTo(before);
    }

    @Test
    void aNumberIsNotASubject() {
        long before = conversations();
        String team = demo.team(ALICE, "Dr. Patel");

        Api.Response response = api.post("/api/v1/conversations").token(demo.token(ALICE))
                .json("{\"careTeamId\": \"" + team + "\", \"subject\": 7, \"body\": \"Hello\"}").send();

        assertRefusedNaming(response, "subject");
        assertThat(conversations()).isEqualTo(before);
    }

    @Test
    void textIsNotAYesOrNo() {
        String conversation = demo.startAsPatient(ALICE, "Dr. Patel", "Coercion note", "First.");
        long before = messages();

        Api.Response response = api.post("/api/v1/conversations/" + conversation + "/messages").token(demo.token(KIM))
                .json("{\"body\": \"A note\", \"internal\": \"true\"}").send();

        assertRefusedNaming(response, "internal");
        assertThat(messages()).isEqualTo(before);
    }

    @Test
    void theRightKindsStillWork() {
        String conversation = demo.startAsPatient(ALICE, "Dr. Patel", "Coercion fine", "First.");

        Api.Response response = api.post("/api/v1/conversations/" + conversation + "/messages").token(demo.token(KIM))
                .json(Map.of("body", "A note", "internal", true)).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }
}
