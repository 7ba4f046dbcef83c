package io.bedside.web;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.PATEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.bedside.messaging.ConversationId;
import io.bedside.messaging.MessageId;
import io.bedside.messaging.internal.MessageCipher;
import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import io.bedside.support.PageSession;

/**
 * C0 control characters (other than tab, line feed and carriage return) in free text: refused on
 * the way in with a 400 naming the field, from the API's JSON and the pages' forms alike, and
 * stripped when old text that holds them is rendered, so one stray character cannot break a
 * conversation's PDF for everyone.
 */
@BothDatabases
class ControlCharactersIntegrationTests extends ApplicationTest {

    @Autowired
    MessageCipher cipher;

    @Test
    void aMessageBodyWithABellCharacterIsRefusedNamingTheFieldAndNothingIsWritten() {
        String conversation = demo.startAsPatient(ALICE, "Dr. Patel", "Headache", "Since this morning.");

        Api.Response refused = demo.send(ALICE, conversation, "It got worse\u0007 after lunch.");

        assertRefused(refused, "body");
        assertThat(messages(conversation)).isEqualTo(1);
    }

    @Test
    void everyFreeTextFieldOfTheApiIsCheckedAtTheDoor() {
        String team = demo.team(ALICE, "Dr. Patel");
        assertRefused(api.post("/api/v1/conversations").token(demo.token(ALICE))
                .json(Map.of("careTeamId", team, "subject", "Dizzy\u0000", "body", "Dizzy all day.")).send(), "subject");
        assertRefused(api.post("/api/v1/conversations").token(demo.token(ALICE)).json(Map.of("careTeamId", team,
                "subject", "Refill", "body", "Running low.", "kind", "refill",
                "details", Map.of("medication", "Metformin\u001b[31m", "dose", "500 mg"))).send(), "details.medication");
        String conversation = demo.startAsPatient(ALICE, "Dr. Patel", "Call me", "Please call.");
        assertRefused(api.post("/api/v1/conversations/" + conversation + "/calls").token(demo.token(KIM))
                .json(Map.of("outcome", "Left a voicemail\u000b")).send(), "outcome");
        assertRefused(demo.note(PATEL, conversation, "Form\ffeed"), "body");
        assertThat(messages(conversation)).isEqualTo(1);
    }

    @Test
    void tabsAndLineBreaksAreStillText() {
        String conversation = demo.startAsPatient(ALICE, "Dr. Patel", "List", "My medicines:");
        Api.Response sent = demo.send(ALICE, conversation, "Aspirin\t81 mg\r\nMetformin\t500 mg\n");
        assertThat(sent.status()).isEqualTo(201);
    }

    @Test
    void aFormPostWithAControlCharacterIsRefusedOnThePage() {
        String conversation = demo.startAsPatient(ALICE, "Dr. Patel", "Rash", "On my arm.");
        PageSession alice = PageSession.signedIn(api.base(), ALICE);
        alice.get("/app/conversations/" + conversation);

        PageSession.Page answer = alice.post("/app/conversations/" + conversation + "/messages",
                Map.of("body", "Still there\u0008"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("control character").contains("body");
        assertThat(messages(conversation)).isEqualTo(1);
    }

    @Test
    void oldTextHoldingControlCharactersStillExportsAsPdf() throws Exception {
        String conversation = demo.startAsPatient(ALICE, "Dr. Patel", "Fever", "Fever of 39 C.");
        demo.send(PATEL, conversation, "Drink water and rest.");
        // Written before the check existed: straight into the database, encrypted as the application does.
        var practice = demo.actor(ALICE).practiceId();
        ConversationId id = ConversationId.of(UUID.fromString(conversation));
        UUID first = jdbc.sql("select id from message where conversation_id = :c and seq = 1")
                .param("c", id.value()).query(UUID.class).single();
        jdbc.sql("update message set body_ciphertext = :b where id = :m")
                .param("b", cipher.encryptBody(practice, id, MessageId.of(first), "Fever\u0000 of 39\u0007 C.\u001b"))
                .param("m", first).update();
        jdbc.sql("update conversation set subject_ciphertext = :s where id = :c")
                .param("s", cipher.encryptSubject(practice, id, "Fever\u000b")).param("c", id.value()).update();

        for (String reader : new String[] {ALICE, PATEL}) {
            PageSession session = PageSession.signedIn(api.base(), reader);
            byte[] pdf = session.download("/app/conversations/" + conversation + "/export.pdf");
            String text;
            try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
                text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            }
            assertThat(text).contains("Fever of 39 C.").contains("Drink water and rest.");
            assertThat(session.get("/app/conversations/" + conversation).status()).isEqualTo(200);
        }
        assertThat(demo.messages(ALICE, conversation)).hasSize(2);
    }

    private static void assertRefused(Api.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(response.json().get("detail").asString()).contains("control character");
    }

    private long messages(String conversation) {
        return jdbc.sql("select count(*) from message where conversation_id = :c")
                .param("c", UUID.fromString(conversation)).query(Long.class).single();
    }
}
