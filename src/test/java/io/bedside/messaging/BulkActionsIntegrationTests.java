package io.bedside.messaging;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.BOB;
import static io.bedside.support.Demo.CAROL;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.LEE;
import static io.bedside.support.Demo.PATEL;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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

/**
 * Bulk actions on a selection of the inbox: each conversation checked on its own. A conversation
 * of a team the member is not on, one that changed since it was selected, a missing id and
 * another practice's are refused with their reason and left exactly as they were; the rest change,
 * each audited. Through the API and through the inbox's form without scripts.
 */
@BothDatabases
class BulkActionsIntegrationTests extends ApplicationTest {

    private Api.Response bulk(String user, Map<String, ?> body) {
        return api.post("/api/v1/conversations/bulk").token(demo.token(user)).json(body).send();
    }

    private JsonNode conversation(String user, String id) {
        return api.get("/api/v1/conversations/" + id).token(demo.token(user)).send().json();
    }

    private Map<String, String> outcomes(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Map<String, String> outcomes = new HashMap<>();
        response.json().get("items").forEach(i -> outcomes.put(i.get("id").asString(), i.get("outcome").asString()));
        return outcomes;
    }

    private long audited(String action, String id, boolean allowed) {
        return jdbc.sql("select count(*) from audit_event where action = :a and target_id = :t and allowed = :ok")
                .param("a", action).param("t", id).param("ok", allowed).query(Long.class).single();
    }

    @Test
    void eachConversationIsCheckedOnItsOwnAndRefusedOnesStayAsTheyWere() {
        String a = demo.startAsPatient(ALICE, "Dr. Patel", "Bulk one", "First");
        String b = demo.startAsPatient(BOB, "Dr. Patel", "Bulk two", "Second");
        String billing = demo.startAsPatient(ALICE, "Billing", "Bulk billing", "A bill");
        String moved = demo.startAsPatient(BOB, "Dr. Patel", "Bulk stale", "Third");
        assertThat(demo.send(BOB, moved, "Something new since Kim looked").status()).isEqualTo(201);
        String lakeside = demo.startAsPatient(CAROL, "Pediatrics", "Bulk lakeside", "Elsewhere");
        String missing = UUID.randomUUID().toString();

        Api.Response response = bulk(KIM, Map.of("ids", List.of(a, b, billing, moved, missing, lakeside),
                "action", "close", "seen", Map.of(moved, 1)));
        Map<String, String> outcomes = outcomes(response);
        assertThat(outcomes).containsEntry(a, "done").containsEntry(b, "done")
                .containsEntry(billing, "not_your_team").containsEntry(moved, "stale")
                .containsEntry(missing, "not_found").containsEntry(lakeside, "not_found");
        assertThat(response.json().get("done").asLong()).isEqualTo(2);
        assertThat(response.json().get("refused").asLong()).isEqualTo(4);

        assertThat(conversation(KIM, a).get("status").asString()).isEqualTo("closed");
        assertThat(conversation(KIM, b).get("status").asString()).isEqualTo("closed");
        assertThat(conversation(KIM, billing).get("status").asString()).isEqualTo("open");
        assertThat(conversation(KIM, moved).get("status").asString()).isEqualTo("open");
        assertThat(conversation(LEE, lakeside).get("status").asString()).isEqualTo("open");
        assertThat(audited("conversation.updated", a, true)).isEqualTo(1);
        assertThat(audited("conversation.updated", b, true)).isEqualTo(1);
        assertThat(audited("conversation.updated", billing, false)).isEqualTo(1);
        assertThat(audited("conversation.updated", billing, true)).isZero();

        // The practice admin may act on any team's conversations; Dr. Patel on her team's.
        assertThat(outcomes(bulk(RIVERSIDE_ADMIN, Map.of("ids", List.of(billing, moved), "action", "priority",
                "value", "high")))).containsEntry(billing, "done").containsEntry(moved, "done");
        assertThat(conversation(KIM, moved).get("priority").asString()).isEqualTo("high");
        String patel = demo.me(PATEL).get("id").asString();
        assertThat(outcomes(bulk(KIM, Map.of("ids", List.of(moved), "action", "assign", "value", patel))))
                .containsEntry(moved, "done");
        assertThat(conversation(KIM, moved).get("assignee").get("id").asString()).isEqualTo(patel);
        assertThat(outcomes(bulk(KIM, Map.of("ids", List.of(moved), "action", "assign", "value", ""))))
                .containsEntry(moved, "done");
        assertThat(conversation(KIM, moved).has("assignee")).isFalse();
        assertThat(outcomes(bulk(PATEL, Map.of("ids", List.of(moved, a), "action", "snooze", "value", "3"))))
                .containsEntry(moved, "done").containsEntry(a, "invalid");
        assertThat(conversation(KIM, moved).has("snoozedUntil")).isTrue();
    }

    @Test
    void aBadActionOrValueChangesNothingAtAll() {
        String a = demo.startAsPatient(ALICE, "Dr. Patel", "Bulk refused whole", "First");
        String lee = demo.me(LEE).get("id").asString();
        assertThat(bulk(KIM, Map.of("ids", List.of(a), "action", "delete")).status()).isEqualTo(400);
        assertThat(bulk(KIM, Map.of("ids", List.of(a), "action", "priority", "value", "extreme")).status())
                .isEqualTo(400);
        assertThat(bulk(KIM, Map.of("ids", List.of(a), "action", "assign", "value", lee)).status())
                .as("staff of another practice").isEqualTo(400);
        assertThat(bulk(KIM, Map.of("ids", List.of(a), "action", "snooze", "value", "0")).status()).isEqualTo(400);
        assertThat(bulk(KIM, Map.of("ids", List.of(), "action", "close")).status()).isEqualTo(400);
        assertThat(bulk(KIM, Map.of("ids", List.of("not-an-id"), "action", "close")).status()).isEqualTo(400);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(UUID.randomUUID().toString());
        }
        assertThat(bulk(KIM, Map.of("ids", many, "action", "close")).status()).isEqualTo(400);
        assertThat(bulk(ALICE, Map.of("ids", List.of(a), "action", "close")).status()).as("patients").isEqualTo(404);
        assertThat(outcomes(bulk(LEE, Map.of("ids", List.of(a), "action", "close")))).containsEntry(a, "not_found");
        JsonNode after = conversation(KIM, a);
        assertThat(after.get("status").asString()).isEqualTo("open");
        assertThat(after.get("priority").asString()).isEqualTo("routine");
        assertThat(audited("conversation.updated", a, true)).isZero();
    }

    @Test
    void theInboxFormWorksWithoutScriptsAndTellsWhatCouldNotBeChanged() {
        String a = demo.startAsPatient(ALICE, "Dr. Patel", "Form bulk one", "First");
        String b = demo.startAsPatient(BOB, "Dr. Patel", "Form bulk two", "Second");
        String billing = demo.startAsPatient(BOB, "Billing", "Form bulk billing", "A bill");
        PageSession kim = PageSession.signedIn(api.base(), KIM);
        String inbox = kim.get("/app/inbox").body();
        // (With a shared database the new conversations may be past the first page: only the form is checked here.)
        assertThat(inbox).contains("id=\"bulk-form\"").containsPattern("name=\"ids\"[^>]*value=\"[0-9a-f-]{36}@[0-9]+\"");

        var done = kim.postPairs("/app/inbox/bulk", List.of(Map.entry("ids", a + "@1"), Map.entry("ids", b + "@1"),
                Map.entry("ids", billing + "@1"), Map.entry("action", "priority"), Map.entry("priority", "urgent"),
                Map.entry("filter", "all")));
        assertThat(done.status()).isEqualTo(302);
        assertThat(done.location()).contains("/app/inbox").contains("filter=all");
        var after = kim.get(done.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(after.body()).contains("2 done, 1 could not be changed.");
        assertThat(conversation(KIM, a).get("priority").asString()).isEqualTo("urgent");
        assertThat(conversation(KIM, b).get("priority").asString()).isEqualTo("urgent");
        assertThat(conversation(KIM, billing).get("priority").asString()).isEqualTo("routine");

        // Looking at the billing team's inbox, Kim may not close its conversation: it stays, selected, with the reason.
        String team = demo.team(RIVERSIDE_ADMIN, "Billing");
        // Urgent, so that it is on the first page of the team's urgent view whatever else the database holds.
        assertThat(demo.triage(RIVERSIDE_ADMIN, billing, Map.of("priority", "urgent")).status()).isEqualTo(200);
        kim.get("/app/inbox?team=" + team);
        var refused = kim.postPairs("/app/inbox/bulk", List.of(Map.entry("ids", billing + "@1"),
                Map.entry("action", "close"), Map.entry("team", team), Map.entry("filter", "urgent")));
        assertThat(refused.status()).isEqualTo(302);
        var shown = kim.get(refused.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(shown.body()).contains("0 done, 1 could not be changed.").contains("not one of your teams")
                .containsPattern("value=\"" + billing + "@1\"[^>]*checked");
        assertThat(conversation(KIM, billing).get("status").asString()).isEqualTo("open");
    }
}
