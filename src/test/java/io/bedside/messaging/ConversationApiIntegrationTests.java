package io.bedside.messaging;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.BOB;
import static io.bedside.support.Demo.CAROL;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.PATEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import tools.jackson.databind.JsonNode;

/** The conversations API through HTTP: starting, listing, reading, sending, read receipts, validation. */
@BothDatabases
class ConversationApiIntegrationTests extends ApplicationTest {

    @Test
    void patientStartsAConversationWithTheirCareTeam() {
        Api.Response response = api.post("/api/v1/conversations").token(demo.token(ALICE)).json(Map.of(
                "careTeamId", demo.team(ALICE, "Dr. Patel"),
                "subject", "Knee pain after running",
                "body", "My left knee hurts after my runs. Should I come in?")).send();

        assertThat(response.status()).isEqualTo(201);
        JsonNode c = response.json();
        assertThat(response.header("Location")).isEqualTo("/api/v1/conversations/" + c.get("id").asString());
        assertThat(c.get("kind").asString()).isEqualTo("question");
        assertThat(c.get("status").asString()).isEqualTo("open");
        assertThat(c.get("priority").asString()).isEqualTo("routine");
        assertThat(c.get("subject").asString()).isEqualTo("Knee pain after running");
        assertThat(c.get("careTeam").get("name").asString()).isEqualTo("Dr. Patel's team");
        assertThat(c.get("patient").get("displayName").asString()).isEqualTo("Alice Walker");
        assertThat(c.get("firstMessage").get("seq").asLong()).isEqualTo(1);
        assertThat(c.get("firstMessage").get("author").get("role").asString()).isEqualTo("patient");
        assertThat(c.get("firstMessage").get("body").asString()).startsWith("My left knee");
    }

    @Test
    void patientMayNameAProviderOnTheTeamButNoOneElse() {
        String team = demo.team(ALICE, "Dr. Patel");
        String patel = demo.me(PATEL).get("id").asString();
        String admin = demo.me(io.bedside.support.Demo.RIVERSIDE_ADMIN).get("id").asString();

        Api.Response named = api.post("/api/v1/conversations").token(demo.token(ALICE)).json(Map.of(
                "careTeamId", team, "subject", "Refill", "body", "Please refill.", "kind", "refill",
                "providerId", patel)).send();
        assertThat(named.status()).isEqualTo(201);
        assertThat(named.json().get("provider").get("displayName").asString()).isEqualTo("Dr. Priya Patel");
        assertThat(named.json().get("kind").asString()).isEqualTo("refill");

        Api.Response notOnTeam = api.post("/api/v1/conversations").token(demo.token(ALICE)).json(Map.of(
                "careTeamId", team, "subject", "Refill", "body", "Please refill.", "providerId", admin)).send();
        assertThat(notOnTeam.status()).isEqualTo(400);
        assertThat(notOnTeam.json().get("errors").get(0).get("field").asString()).isEqualTo("providerId");
    }

    @Test
    void aRefillCarriesItsStructuredDetailsStoredEncrypted() {
        Api.Response response = api.post("/api/v1/conversations").token(demo.token(ALICE)).json(Map.of(
                "careTeamId", demo.team(ALICE, "Dr. Patel"), "subject", "Refill", "body", "Running low.",
                "kind", "refill", "details", Map.of("medication", "Lisinopril", "dose", "10 mg daily",
                        "pharmacy", "Main St Pharmacy"))).send();
        assertThat(response.status()).isEqualTo(201);
        String id = response.json().get("id").asString();
        JsonNode details = api.get("/api/v1/conversations/" + id).token(demo.token(PATEL)).send().json().get("details");
        assertThat(details.get("medication").asString()).isEqualTo("Lisinopril");
        assertThat(details.get("pharmacy").asString()).isEqualTo("Main St Pharmacy");
        byte[] stored = jdbc.sql("select details_ciphertext from conversation where id = :id")
                .param("id", java.util.UUID.fromString(id)).query(byte[].class).single();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Lisinopril");

        assertBadRequest(Map.of("careTeamId", demo.team(ALICE, "Dr. Patel"), "subject", "s", "body", "b",
                "kind", "refill", "details", Map.of("dose", "10 mg")), "details.medication");
        assertBadRequest(Map.of("careTeamId", demo.team(ALICE, "Dr. Patel"), "subject", "s", "body", "b",
                "kind", "question", "details", Map.of("medication", "x")), "details.medication");
    }

    @Test
    void staffStartAConversationForAPatientOfTheirPractice() {
        String bob = demo.me(BOB).get("patientId").asString();
        Api.Response response = api.post("/api/v1/conversations").token(demo.token(KIM)).json(Map.of(
                "careTeamId", demo.team(KIM, "Dr. Patel"), "patientId", bob, "subject", "Your lab results",
                "body", "Your results are in; all normal.")).send();

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("patient").get("displayName").asString()).isEqualTo("Bob Martinez");
        String id = response.json().get("id").asString();
        assertThat(demo.messages(BOB, id)).hasSize(1);
    }

    @Test
    void staffMustNameAPatientOfTheirOwnPractice() {
        String team = demo.team(KIM, "Dr. Patel");
        Api.Response missing = api.post("/api/v1/conversations").token(demo.token(KIM))
                .json(Map.of("careTeamId", team, "subject", "Hi", "body", "Hello")).send();
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("patientId");

        String carol = demo.me(CAROL).get("patientId").asString();
        Api.Response otherPractice = api.post("/api/v1/conversations").token(demo.token(KIM))
                .json(Map.of("careTeamId", team, "subject", "Hi", "body", "Hello", "patientId", carol)).send();
        assertThat(otherPractice.status()).isEqualTo(400);
    }

    @Test
    void patientCannotWriteToAnotherPracticesCareTeam() {
        String lakesideTeam = demo.team(CAROL, "Pediatrics");
        Api.Response response = api.post("/api/v1/conversations").token(demo.token(ALICE))
                .json(Map.of("careTeamId", lakesideTeam, "subject", "Hi", "body", "Hello")).send();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("careTeamId");
    }

    @Test
    void badStartRequestsAreRefusedAndWriteNothing() {
        String team = demo.team(ALICE, "Dr. Patel");
        long before = count("conversation");
        assertBadRequest(Map.of("careTeamId", team, "subject", "", "body", "x"), "subject");
        assertBadRequest(Map.of("careTeamId", team, "subject", "s", "body", "   "), "body");
        assertBadRequest(Map.of("careTeamId", team, "subject", "s", "body", "x", "kind", "gossip"), "kind");
        assertBadRequest(Map.of("careTeamId", team, "subject", "s", "body", "x", "kind", "campaign"), "kind");
        assertBadRequest(Map.of("careTeamId", "not-an-id", "subject", "s", "body", "x"), "careTeamId");
        assertBadRequest(Map.of("subject", "s", "body", "x"), "careTeamId");
        assertBadRequest(Map.of("careTeamId", team, "subject", "s".repeat(201), "body", "x"), "subject");
        assertThat(count("conversation")).isEqualTo(before);
    }

    @Test
    void listIsNewestActivityFirstAndPagesByKeyset() {
        String bob = BOB;
        List<String> started = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            started.add(demo.startAsPatient(bob, "Dr. Patel", "Question " + i, "Body " + i));
        }
        // Activity on the first one moves it to the top.
        demo.send(bob, started.get(0), "One more thing");

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Api.Response page = api.get("/api/v1/conversations?limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .token(demo.token(bob)).send();
            assertThat(page.status()).isEqualTo(200);
            page.json().get("items").forEach(item -> seen.add(item.get("id").asString()));
            JsonNode next = page.json().get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.asString();
            pages++;
        } while (cursor != null && pages < 50);

        assertThat(seen).doesNotHaveDuplicates().containsAll(started);
        assertThat(seen.get(0)).isEqualTo(started.get(0));
        assertThat(seen.subList(1, 5)).containsExactly(started.get(4), started.get(3), started.get(2), started.get(1));
    }

    @Test
    void listLimitsAndCursorsAreChecked() {
        String token = demo.token(ALICE);
        assertThat(api.get("/api/v1/conversations?limit=0").token(token).send().status()).isEqualTo(400);
        assertThat(api.get("/api/v1/conversations?limit=101").token(token).send().status()).isEqualTo(400);
        assertThat(api.get("/api/v1/conversations?limit=abc").token(token).send().status()).isEqualTo(400);
        assertThat(api.get("/api/v1/conversations?cursor=garbage").token(token).send().status()).isEqualTo(400);
        assertThat(api.get("/api/v1/conversations?status=pending").token(token).send().status()).isEqualTo(400);
        assertThat(api.get("/api/v1/conversations?status=open").token(token).send().status()).isEqualTo(200);
    }

    @Test
    void unreadCountsLeaveOutYourOwnMessagesAndForPatientsInternalNotes() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Unread test", "Hello team");
        assertThat(unread(ALICE, id)).isZero();
        assertThat(unread(KIM, id)).isEqualTo(1);

        demo.send(KIM, id, "Hello Alice");
        demo.note(KIM, id, "Staff only: check chart");
        assertThat(unread(ALICE, id)).isEqualTo(1);
        assertThat(unread(PATEL, id)).isEqualTo(3);

        api.post("/api/v1/conversations/" + id + "/read").token(demo.token(ALICE)).json(Map.of("seq", 2)).send();
        assertThat(unread(ALICE, id)).isZero();
    }

    @Test
    void messagesComeInSeqOrderAfterTheGivenSeq() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Order test", "m1");
        demo.send(PATEL, id, "m2");
        demo.send(ALICE, id, "m3");
        demo.send(PATEL, id, "m4");

        JsonNode all = demo.messages(PATEL, id);
        assertThat(all).extracting(m -> m.get("seq").asLong()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(all).extracting(m -> m.get("body").asString()).containsExactly("m1", "m2", "m3", "m4");
        assertThat(all.get(1).get("author").get("displayName").asString()).isEqualTo("Dr. Priya Patel");
        assertThat(all.get(1).get("author").get("role").asString()).isEqualTo("physician");

        JsonNode after = api.get("/api/v1/conversations/" + id + "/messages?after=2&limit=1").token(demo.token(PATEL))
                .send().json().get("items");
        assertThat(after).extracting(m -> m.get("body").asString()).containsExactly("m3");
        assertThat(api.get("/api/v1/conversations/" + id + "/messages?after=-1").token(demo.token(PATEL)).send()
                .status()).isEqualTo(400);
    }

    @Test
    void readStateMovesOnlyForwardAndShowsInTheConversation() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Receipts", "Hi");
        demo.send(PATEL, id, "Hello");
        demo.send(PATEL, id, "Anything else?");
        String read = "/api/v1/conversations/" + id + "/read";

        assertThat(api.post(read).token(demo.token(ALICE)).json(Map.of("seq", 3)).send().json()
                .get("lastReadSeq").asLong()).isEqualTo(3);
        assertThat(api.post(read).token(demo.token(ALICE)).json(Map.of("seq", 2)).send().json()
                .get("lastReadSeq").asLong()).isEqualTo(3);
        assertThat(api.post(read).token(demo.token(ALICE)).json(Map.of("seq", 4)).send().status()).isEqualTo(400);
        assertThat(api.post(read).token(demo.token(ALICE)).json(Map.of("seq", -1)).send().status()).isEqualTo(400);
        assertThat(api.post(read).token(demo.token(ALICE)).json(Map.of()).send().status()).isEqualTo(400);
        assertThat(api.post(read).token(demo.token(ALICE)).json(Map.of("seq", "three")).send().status()).isEqualTo(400);

        JsonNode conversation = api.get("/api/v1/conversations/" + id).token(demo.token(PATEL)).send().json();
        JsonNode alice = find(conversation.get("readStates"), "Alice Walker");
        assertThat(alice.get("lastReadSeq").asLong()).isEqualTo(3);
        assertThat(alice.get("readAt").asString()).isNotBlank();
        assertThat(find(conversation.get("participants"), "Jenny Kim, RN").get("lastReadSeq").asLong()).isZero();
    }

    @Test
    void badSendsAreRefusedAndWriteNothing() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Bad sends", "Hi");
        String path = "/api/v1/conversations/" + id + "/messages";
        String token = demo.token(ALICE);
        long before = count("message");

        assertThat(api.post(path).token(token).json(Map.of("body", "")).send().status()).isEqualTo(400);
        assertThat(api.post(path).token(token).json(Map.of()).send().status()).isEqualTo(400);
        Api.Response tooLong = api.post(path).token(token).json(Map.of("body", "x".repeat(20_001))).send();
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("body");
        assertThat(api.post(path).token(token).json(Map.of("body", "x".repeat(20_000))).send().status()).isEqualTo(201);
        before++;
        Api.Response huge = api.post(path).token(token).json(Map.of("body", "x".repeat(300 * 1024))).send();
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.contentType()).startsWith("application/problem+json");
        assertThat(api.post(path).token(token).json("{\"body\": ").send().status()).isEqualTo(400);
        assertThat(api.post(path).token(token).json(Map.of("body", 42, "internal", "maybe")).send().status())
                .isEqualTo(400);
        assertThat(api.post(path).token(token).raw("text/plain", "hello").send().status()).isEqualTo(415);
        assertThat(api.post("/api/v1/conversations/not-a-uuid/messages").token(token).json(Map.of("body", "x")).send()
                .status()).isEqualTo(404);
        assertThat(api.post("/api/v1/conversations/" + java.util.UUID.randomUUID() + "/messages").token(token)
                .json(Map.of("body", "x")).send().status()).isEqualTo(404);
        assertThat(count("message")).isEqualTo(before);
    }

    @Test
    void patientsNeverSeeInternalNotesAndCannotWriteThem() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Notes", "Hi");
        Api.Response note = demo.note(PATEL, id, "Internal: consider referral");
        assertThat(note.status()).isEqualTo(201);
        assertThat(note.json().get("internal").asBoolean()).isTrue();
        demo.send(PATEL, id, "Public reply");

        assertThat(demo.messages(ALICE, id)).extracting(m -> m.get("body").asString())
                .containsExactly("Hi", "Public reply");
        assertThat(demo.messages(KIM, id)).extracting(m -> m.get("body").asString())
                .containsExactly("Hi", "Internal: consider referral", "Public reply");
        JsonNode forPatient = api.get("/api/v1/conversations/" + id).token(demo.token(ALICE)).send().json();
        assertThat(forPatient.get("lastSeq").asLong()).isEqualTo(3);
        assertThat(find(forPatient.get("participants"), "Dr. Priya Patel").get("lastReadSeq").asLong()).isLessThanOrEqualTo(3);

        long before = count("message");
        Api.Response attempt = demo.note(ALICE, id, "I want to write a note");
        assertThat(attempt.status()).isEqualTo(403);
        assertThat(attempt.contentType()).startsWith("application/problem+json");
        assertThat(count("message")).isEqualTo(before);
    }

    @Test
    void aPatientReplyReopensTheConversation() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Reopen", "Hi");
        jdbc.sql("update conversation set status = 'CLOSED' where id = :id").param("id", java.util.UUID.fromString(id))
                .update();
        demo.send(ALICE, id, "Actually, one more question");
        assertThat(api.get("/api/v1/conversations/" + id).token(demo.token(PATEL)).send().json().get("status")
                .asString()).isEqualTo("open");
    }

    @Test
    void staffTriageStatusPriorityAndAssigneeAndPatientsSeeTheResult() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Triage", "Chest feels tight when I climb stairs");
        String kim = demo.me(KIM).get("id").asString();
        String path = "/api/v1/conversations/" + id;

        Api.Response changed = api.patch(path).token(demo.token(PATEL))
                .json(Map.of("priority", "urgent", "assigneeId", kim, "status", "waiting_on_patient")).send();
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("priority").asString()).isEqualTo("urgent");
        assertThat(changed.json().get("status").asString()).isEqualTo("waiting_on_patient");
        assertThat(changed.json().get("assignee").get("displayName").asString()).isEqualTo("Jenny Kim, RN");
        assertThat(api.get(path).token(demo.token(ALICE)).send().json().get("status").asString())
                .isEqualTo("waiting_on_patient");

        assertThat(api.patch(path).token(demo.token(PATEL)).json(Map.of("assigneeId", "")).send().json()
                .has("assignee")).isFalse();
        assertThat(jdbc.sql("select count(*) from audit_event where target_id = :id and action = 'conversation.updated' and allowed")
                .param("id", id).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void triageIsRefusedToPatientsAndToBadValuesAndChangesNothing() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "No self-triage", "Hello");
        String path = "/api/v1/conversations/" + id;
        String lee = demo.me(io.bedside.support.Demo.LEE).get("id").asString();

        assertThat(api.patch(path).token(demo.token(ALICE)).json(Map.of("priority", "urgent")).send().status())
                .isEqualTo(403);
        assertThat(api.patch(path).token(demo.token(PATEL)).json(Map.of("priority", "asap")).send().status())
                .isEqualTo(400);
        assertThat(api.patch(path).token(demo.token(PATEL)).json(Map.of("assigneeId", lee)).send().status())
                .isEqualTo(400);
        assertThat(api.patch(path).token(demo.token(PATEL)).json(Map.of()).send().status()).isEqualTo(400);

        JsonNode unchanged = api.get(path).token(demo.token(PATEL)).send().json();
        assertThat(unchanged.get("priority").asString()).isEqualTo("routine");
        assertThat(unchanged.has("assignee")).isFalse();
    }

    @Test
    void replayedIdempotencyKeyReturnsTheFirstMessage() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Idempotent", "Hi");
        String path = "/api/v1/conversations/" + id + "/messages";
        Api.Response first = api.post(path).token(demo.token(ALICE)).header("Idempotency-Key", "key-" + id)
                .json(Map.of("body", "Sent once")).send();
        Api.Response again = api.post(path).token(demo.token(ALICE)).header("Idempotency-Key", "key-" + id)
                .json(Map.of("body", "Sent once")).send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(again.json().get("seq").asLong()).isEqualTo(2);
        assertThat(demo.messages(ALICE, id)).hasSize(2);

        Api.Response changed = api.post(path).token(demo.token(ALICE)).header("Idempotency-Key", "key-" + id)
                .json(Map.of("body", "Something else")).send();
        assertThat(changed.status()).isEqualTo(422);
        assertThat(changed.contentType()).startsWith("application/problem+json");
        assertThat(demo.messages(ALICE, id)).hasSize(2);

        // Keys are scoped to the user: another user's identical key is a different request.
        Api.Response staff = api.post(path).token(demo.token(PATEL)).header("Idempotency-Key", "key-" + id)
                .json(Map.of("body", "Sent once")).send();
        assertThat(staff.status()).isEqualTo(201);
        assertThat(staff.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(demo.messages(ALICE, id)).hasSize(3);
    }

    @Test
    void bodiesAndSubjectsAreStoredOnlyAsCiphertext() {
        String marker = "PLAINTEXT-MARKER-" + java.util.UUID.randomUUID();
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Subject " + marker, "Body " + marker);
        demo.send(PATEL, id, "Reply " + marker);

        List<byte[]> stored = new ArrayList<>();
        stored.addAll(jdbc.sql("select body_ciphertext from message where conversation_id = :id")
                .param("id", java.util.UUID.fromString(id)).query(byte[].class).list());
        stored.addAll(jdbc.sql("select subject_ciphertext from conversation where id = :id")
                .param("id", java.util.UUID.fromString(id)).query(byte[].class).list());
        assertThat(stored).hasSize(3).allSatisfy(bytes ->
                assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("MARKER"));
        Map<String, Object> everything = new HashMap<>();
        jdbc.sql("select * from message where conversation_id = :id").param("id", java.util.UUID.fromString(id))
                .query(rs -> {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        everything.put(rs.getMetaData().getColumnName(i) + rs.getRow(), rs.getObject(i));
                    }
                });
        assertThat(everything.values()).noneMatch(v -> v instanceof String s && s.contains("MARKER"));
    }

    private void assertBadRequest(Map<String, Object> body, String field) {
        Api.Response response = api.post("/api/v1/conversations").token(demo.token(ALICE)).json(body).send();
        assertThat(response.status()).as(body.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    private long unread(String user, String conversation) {
        return api.get("/api/v1/conversations/" + conversation).token(demo.token(user)).send().json()
                .get("unreadCount").asLong();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static JsonNode find(JsonNode list, String displayName) {
        for (JsonNode node : list) {
            if (node.get("displayName").asString().equals(displayName)) {
                return node;
            }
        }
        throw new AssertionError(displayName + " not in " + list);
    }
}
