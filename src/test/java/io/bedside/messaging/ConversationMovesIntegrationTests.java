package io.bedside.messaging;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.BOB;
import static io.bedside.support.Demo.CAROL;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.LEE;
import static io.bedside.support.Demo.PATEL;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.bedside.messaging.internal.ConversationLists;
import io.bedside.messaging.internal.InboxFilter;
import io.bedside.messaging.internal.InboxQuery;
import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import io.bedside.support.PageSession;
import io.bedside.support.SseClient;
import tools.jackson.databind.JsonNode;

/**
 * Moving a conversation to another care team of the practice (the patient sees the new team, the
 * new team's inbox gets it live, the old one no longer lists it), and closing a duplicate
 * conversation of the same patient into the one kept (both threads say so). With the access checks:
 * another practice's team or conversation is not found, another patient's conversation a conflict.
 */
@BothDatabases
class ConversationMovesIntegrationTests extends ApplicationTest {

    @Autowired
    ConversationLists lists;

    private Api.Response move(String user, String id, String team) {
        return api.post("/api/v1/conversations/" + id + "/move").token(demo.token(user))
                .json(Map.of("careTeamId", team)).send();
    }

    private Api.Response merge(String user, String id, String into) {
        return api.post("/api/v1/conversations/" + id + "/merge").token(demo.token(user))
                .json(Map.of("intoId", into)).send();
    }

    /** Every conversation of the user's inbox, all pages: the shared database holds many. */
    private List<String> inbox(String user) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var page = lists.inbox(demo.actor(user), new InboxQuery(null, InboxFilter.ALL, null, cursor, 100));
            page.items().forEach(c -> ids.add(c.id().toString()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return ids;
    }

    private List<String> texts(String user, String id) {
        List<String> texts = new ArrayList<>();
        demo.messages(user, id).forEach(m -> texts.add(m.get("body").asString()));
        return texts;
    }

    private long audited(String action, String id) {
        return jdbc.sql("select count(*) from audit_event where action = :a and target_id = :t and allowed")
                .param("a", action).param("t", id).query(Long.class).single();
    }

    @Test
    void aMovedConversationReachesTheNewTeamLiveAndThePatientSeesTheTeam() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Really a billing question", "Why was I charged twice?");
        assertThat(demo.triage(KIM, id, Map.of("assigneeId", demo.me(KIM).get("id").asString())).status())
                .isEqualTo(200);
        String billing = demo.team(RIVERSIDE_ADMIN, "Billing");
        assertThat(inbox(RIVERSIDE_ADMIN)).doesNotContain(id);

        try (SseClient admin = SseClient.open(api, demo.token(RIVERSIDE_ADMIN));
                SseClient kim = SseClient.open(api, demo.token(KIM))) {
            Api.Response moved = move(KIM, id, billing);
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
            assertThat(moved.json().get("careTeam").get("name").asString()).isEqualTo("Billing & front desk");
            assertThat(moved.json().has("assignee")).as("Kim is not on the billing team").isFalse();
            admin.await(e -> "conversation.updated".equals(e.name()) && e.data().contains(id), Duration.ofSeconds(10));
            kim.await(e -> "conversation.updated".equals(e.name()) && e.data().contains(id), Duration.ofSeconds(10));
        }
        assertThat(inbox(RIVERSIDE_ADMIN)).contains(id);
        assertThat(inbox(KIM)).as("the old team no longer lists it").doesNotContain(id);
        assertThat(audited("conversation.moved", id)).isGreaterThanOrEqualTo(1);

        JsonNode seen = api.get("/api/v1/conversations/" + id).token(demo.token(ALICE)).send().json();
        assertThat(seen.get("careTeam").get("name").asString()).isEqualTo("Billing & front desk");
        assertThat(texts(ALICE, id)).anyMatch(t -> t.contains("moved to Billing & front desk"));

        // Moving it to the team it is on changes nothing; back to Dr. Patel's team works.
        assertThat(move(RIVERSIDE_ADMIN, id, billing).status()).isEqualTo(200);
        assertThat(texts(ALICE, id).stream().filter(t -> t.contains("moved to")).count()).isEqualTo(1);
        assertThat(move(RIVERSIDE_ADMIN, id, demo.team(KIM, "Dr. Patel")).status()).isEqualTo(200);
        assertThat(inbox(KIM)).contains(id);
    }

    @Test
    void aMoveToAnotherPracticesTeamOrByAWrongActorIsNotFoundAndChangesNothing() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Stay here", "Hello");
        String pediatrics = demo.team(LEE, "Pediatrics");
        String billing = demo.team(RIVERSIDE_ADMIN, "Billing");
        assertThat(move(KIM, id, pediatrics).status()).as("another practice's team").isEqualTo(404);
        assertThat(move(KIM, id, UUID.randomUUID().toString()).status()).isEqualTo(404);
        assertThat(move(KIM, id, "not-a-team").status()).isEqualTo(400);
        assertThat(move(LEE, id, pediatrics).status()).isEqualTo(404);
        assertThat(move(LEE, id, billing).status()).isEqualTo(404);
        assertThat(move(ALICE, id, billing).status()).as("patients").isEqualTo(404);
        JsonNode after = api.get("/api/v1/conversations/" + id).token(demo.token(KIM)).send().json();
        assertThat(after.get("careTeam").get("name").asString()).startsWith("Dr. Patel");
        assertThat(texts(ALICE, id)).hasSize(1);
        assertThat(audited("conversation.moved", id)).isZero();
    }

    @Test
    void aDuplicateIsClosedIntoTheKeptConversationAndBothThreadsSaySo() {
        String duplicate = demo.startAsPatient(BOB, "Dr. Patel", "Knee pain", "My knee hurts");
        String kept = demo.startAsPatient(BOB, "Dr. Patel", "Knee pain again", "My knee still hurts");
        Api.Response merged = merge(PATEL, duplicate, kept);
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(merged.json().get("status").asString()).isEqualTo("closed");
        assertThat(merged.json().get("mergedInto").asString()).isEqualTo(kept);
        assertThat(audited("conversation.merged", duplicate)).isGreaterThanOrEqualTo(1);
        assertThat(audited("conversation.merged", kept)).isGreaterThanOrEqualTo(1);

        // Both threads say so, in the patient's own view and language (Bob reads Spanish); nothing written is lost.
        List<String> old = texts(BOB, duplicate);
        assertThat(old).first().isEqualTo("My knee hurts");
        assertThat(old).last().asString().contains("se cerró porque repite otra");
        assertThat(texts(BOB, kept)).last().asString().contains("Se cerró una conversación que repetía esta");
        assertThat(api.get("/api/v1/conversations/" + duplicate).token(demo.token(BOB)).send().json()
                .get("mergedInto").asString()).isEqualTo(kept);
        // The duplicate takes no new messages: the patient is pointed to the kept one.
        assertThat(demo.send(BOB, duplicate, "Hello?").status()).isEqualTo(409);
        assertThat(demo.send(BOB, kept, "Thanks").status()).isEqualTo(201);

        PageSession bob = PageSession.signedIn(api.base(), BOB);
        String page = bob.get("/app/conversations/" + duplicate).body();
        assertThat(page).contains("Esta conversación continúa en otra.").contains("/app/conversations/" + kept)
                .doesNotContain("id=\"reply\"");
        PageSession patel = PageSession.signedIn(api.base(), PATEL);
        assertThat(patel.get("/app/conversations/" + kept).body()).contains("Duplicates closed into this one:")
                .contains("/app/conversations/" + duplicate);

        // Again, or keeping a duplicate: a conflict.
        assertThat(merge(PATEL, duplicate, kept).status()).isEqualTo(409);
        String third = demo.startAsPatient(BOB, "Dr. Patel", "Knee third", "Knee");
        assertThat(merge(PATEL, third, duplicate).status()).as("keep the one it links to").isEqualTo(409);
    }

    @Test
    void mergesAcrossPatientsOrPracticesAreRefusedAndChangeNothing() {
        String alices = demo.startAsPatient(ALICE, "Dr. Patel", "Alice merge", "Mine");
        String bobs = demo.startAsPatient(BOB, "Dr. Patel", "Bob merge", "Mine");
        String carols = demo.startAsPatient(CAROL, "Pediatrics", "Carol merge", "Mine");
        assertThat(merge(KIM, alices, bobs).status()).as("different patients").isEqualTo(409);
        assertThat(merge(KIM, alices, carols).status()).as("another practice").isEqualTo(404);
        assertThat(merge(LEE, carols, alices).status()).isEqualTo(404);
        assertThat(merge(LEE, alices, bobs).status()).isEqualTo(404);
        assertThat(merge(KIM, alices, alices).status()).isEqualTo(400);
        assertThat(merge(KIM, alices, "nope").status()).isEqualTo(400);
        assertThat(merge(ALICE, alices, alices).status()).as("patients").isEqualTo(404);
        for (String id : List.of(alices, bobs)) {
            JsonNode c = api.get("/api/v1/conversations/" + id).token(demo.token(KIM)).send().json();
            assertThat(c.get("status").asString()).isEqualTo("open");
            assertThat(c.has("mergedInto")).isFalse();
            assertThat(audited("conversation.merged", id)).isZero();
        }
        assertThat(texts(LEE, carols)).hasSize(1);
    }

    @Test
    void theFollowUpCardMovesAndMergesWithoutScripts() {
        String one = demo.startAsPatient(ALICE, "Dr. Patel", "Card move", "One");
        String two = demo.startAsPatient(ALICE, "Dr. Patel", "Card keep", "Two");
        PageSession kim = PageSession.signedIn(api.base(), KIM);
        String page = kim.get("/app/conversations/" + one).body();
        assertThat(page).contains("Move to care team").contains("Close as a duplicate of").contains("Card keep");
        var merged = kim.post("/app/conversations/" + one + "/merge", Map.of("into", two));
        assertThat(merged.status()).isEqualTo(302);
        assertThat(merged.location()).contains("/app/conversations/" + two);
        assertThat(kim.get("/app/conversations/" + two).body()).contains("Closed as a duplicate.");
        var moved = kim.post("/app/conversations/" + two + "/move",
                Map.of("careTeam", demo.team(RIVERSIDE_ADMIN, "Billing")));
        assertThat(moved.status()).isEqualTo(302);
        assertThat(kim.get("/app/conversations/" + two).body()).contains("Moved.").contains("Billing &amp; front desk");
    }
}
