package io.bedside.scheduling;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.BOB;
import static io.bedside.support.Demo.CAROL;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.LAKESIDE_ADMIN;
import static io.bedside.support.Demo.LEE;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import io.bedside.support.PageSession;
import tools.jackson.databind.JsonNode;

/**
 * Needs a visit (issue 19) through the API: a nurse turns a conversation into a visit request, the
 * patient gives preferred times, the front desk offers a time, the patient accepts (booked) or
 * declines, or the front desk books directly; each step audited, shown in the thread, and refused
 * (404) to every other patient, practice and proxy; bad input is a problem that changes nothing.
 */
@BothDatabases
class VisitRequestIntegrationTests extends ApplicationTest {

    private static final String MARIA = "maria@patients.example";

    @Autowired
    VisitRequests visitRequests;

    private String start() {
        return demo.startAsPatient(ALICE, "Dr. Patel", "Knee " + UUID.randomUUID(), "My knee is swollen");
    }

    private Api.Response create(String user, String conversation, Map<String, ?> body) {
        return api.post("/api/v1/conversations/" + conversation + "/visit-request").token(demo.token(user)).json(body).send();
    }

    private static Map<String, String> visit() {
        return Map.of("reason", "Swollen knee: examine it", "urgency", "soon", "visitType", "in_person");
    }

    private Api.Response action(String user, String id, String what, Object body) {
        Api.Call call = api.post("/api/v1/visit-requests/" + id + "/" + what).token(demo.token(user));
        return (body == null ? call : call.json(body)).send();
    }

    private static String tomorrow() {
        return LocalDate.now(ZoneId.of("America/Chicago")).plusDays(1).toString();
    }

    private static String inDays(int days) {
        return Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString();
    }

    @Test
    void requestedThenPreferencesThenOfferedThenAcceptedByThePatient() {
        String conversation = start();
        Api.Response created = create(KIM, conversation, visit());
        assertThat(created.status()).isEqualTo(201);
        JsonNode request = created.json();
        String id = request.get("id").asString();
        assertThat(request.get("status").asString()).isEqualTo("requested");
        assertThat(request.get("urgency").asString()).isEqualTo("soon");
        assertThat(request.get("visitType").asString()).isEqualTo("in_person");
        assertThat(request.get("reason").asString()).isEqualTo("Swollen knee: examine it");
        assertThat(created.header("Location")).endsWith("/api/v1/visit-requests/" + id);
        // Stored encrypted; the patient sees Bedside's message in the thread.
        byte[] stored = jdbc.sql("select reason_ciphertext from visit_request where id = :id")
                .param("id", UUID.fromString(id)).query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Swollen");
        assertThat(lastMessage(ALICE, conversation)).contains("Your care team would like to see you")
                .contains("Swollen knee: examine it");
        // One open request at a time.
        assertThat(create(KIM, conversation, visit()).status()).isEqualTo(409);

        // The queue, filtered by status.
        assertThat(ids(api.get("/api/v1/visit-requests?status=requested").token(demo.token(RIVERSIDE_ADMIN)).send()))
                .contains(id);
        assertThat(ids(api.get("/api/v1/visit-requests?status=booked").token(demo.token(RIVERSIDE_ADMIN)).send()))
                .doesNotContain(id);
        assertThat(api.get("/api/v1/visit-requests?status=later").token(demo.token(KIM)).send().status()).isEqualTo(400);
        // The patient lists her own.
        assertThat(ids(api.get("/api/v1/visit-requests").token(demo.token(ALICE)).send())).contains(id);
        assertThat(ids(api.get("/api/v1/visit-requests").token(demo.token(BOB)).send())).doesNotContain(id);

        // Preferred times: staff cannot give them; bad ones are refused.
        Map<String, Object> prefs = Map.of("preferredTimes", List.of(Map.of("date", tomorrow(), "part", "morning"),
                Map.of("date", tomorrow(), "part", "afternoon")), "note", "Not before 9, please");
        assertThat(action(KIM, id, "preferences", prefs).status()).isEqualTo(404);
        assertThat(action(ALICE, id, "preferences", Map.of("preferredTimes", List.of())).status()).isEqualTo(400);
        assertThat(action(ALICE, id, "preferences", Map.of("preferredTimes",
                List.of(Map.of("date", "2001-01-01", "part", "morning")))).status()).isEqualTo(400);
        assertThat(action(ALICE, id, "preferences", Map.of("preferredTimes",
                List.of(Map.of("date", tomorrow(), "part", "midnight")))).status()).isEqualTo(400);
        Api.Response given = action(ALICE, id, "preferences", prefs);
        assertThat(given.status()).isEqualTo(200);
        assertThat(given.json().get("preferredTimes")).hasSize(2);
        assertThat(given.json().get("note").asString()).isEqualTo("Not before 9, please");
        assertThat(lastMessage(ALICE, conversation)).contains("your preferred times have reached the front desk");

        // The front desk offers; the patient cannot offer; the patient accepts.
        assertThat(action(ALICE, id, "offer", Map.of("startsAt", inDays(2))).status()).isEqualTo(404);
        assertThat(action(KIM, id, "offer", Map.of("startsAt", "next tuesday")).status()).isEqualTo(400);
        assertThat(action(KIM, id, "offer", Map.of("startsAt", "2001-01-01T10:00:00Z")).status()).isEqualTo(400);
        Api.Response offered = action(RIVERSIDE_ADMIN, id, "offer", Map.of("startsAt", inDays(2)));
        assertThat(offered.status()).isEqualTo(200);
        assertThat(offered.json().get("status").asString()).isEqualTo("offered");
        assertThat(lastMessage(ALICE, conversation)).contains("The front desk offers you");
        assertThat(action(ALICE, id, "preferences", prefs).status()).as("too late").isEqualTo(409);
        assertThat(action(ALICE, id, "book", Map.of("startsAt", inDays(3))).status()).isEqualTo(400);
        Api.Response booked = action(ALICE, id, "book", null);
        assertThat(booked.status()).isEqualTo(200);
        assertThat(booked.json().get("status").asString()).isEqualTo("booked");
        assertThat(booked.json().get("slotAt").asString()).isEqualTo(offered.json().get("slotAt").asString());
        assertThat(lastMessage(ALICE, conversation)).contains("is booked for");
        assertThat(action(ALICE, id, "decline", null).status()).isEqualTo(409);
        assertThat(action(KIM, id, "offer", Map.of("startsAt", inDays(4))).status()).isEqualTo(409);

        for (String code : List.of("visit_request.created", "visit_request.preferences", "visit_request.offered",
                "visit_request.booked")) {
            assertThat(jdbc.sql("select count(*) from audit_event where action = :a and target_id = :id and allowed = true")
                    .param("a", code).param("id", id).query(Long.class).single()).as(code).isEqualTo(1);
        }
        // The public API for exports: the patient's requests, audited.
        var actor = demo.actor(KIM);
        var alice = io.bedside.shared.PatientId.of(UUID.fromString(request.get("patientId").asString()));
        assertThat(visitRequests.ofPatient(actor, alice)).extracting(r -> r.id().toString()).contains(id);
        assertThat(visitRequests.ofPractice(actor)).extracting(r -> r.id().toString()).contains(id);
        assertThat(visitRequests.ofPatient(demo.actor(LEE), alice)).isEmpty();
        // The patient side reads its own (the FHIR bundle of one's own record); another patient nothing.
        assertThat(visitRequests.ofPatient(demo.actor(ALICE), alice)).extracting(r -> r.id().toString()).contains(id);
        assertThat(visitRequests.ofPatient(demo.actor(BOB), alice)).isEmpty();
        // Bedside's own paged read for a practice-wide export: every request once, in id order, audited.
        var practice = actor.practiceId();
        List<String> paged = new java.util.ArrayList<>();
        VisitRequestId after = null;
        while (true) {
            List<VisitRequest> page = visitRequests.exportPage(practice, after, 2, "fhir.exported");
            if (page.isEmpty()) {
                break;
            }
            page.forEach(r -> paged.add(r.id().toString()));
            after = page.get(page.size() - 1).id();
        }
        assertThat(paged).contains(id).doesNotHaveDuplicates();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'fhir.exported' and target_id = :id")
                .param("id", id).query(Long.class).single()).isPositive();
    }

    @Test
    void theFrontDeskBooksDirectlyAndThePatientMayDeclineAnOffer() {
        String first = start();
        String id = create(KIM, first, Map.of("reason", "Blood pressure check", "urgency", "routine",
                "visitType", "phone")).json().get("id").asString();
        assertThat(action(KIM, id, "book", null).status()).as("no time and no offer").isEqualTo(400);
        Api.Response booked = action(KIM, id, "book", Map.of("startsAt", inDays(5)));
        assertThat(booked.status()).isEqualTo(200);
        assertThat(booked.json().get("status").asString()).isEqualTo("booked");

        String second = start();
        String other = create(KIM, second, Map.of("reason", "Follow-up", "urgency", "today", "visitType", "video"))
                .json().get("id").asString();
        assertThat(action(KIM, other, "offer", Map.of("startsAt", inDays(1))).status()).isEqualTo(200);
        Api.Response declined = action(ALICE, other, "decline", null);
        assertThat(declined.status()).isEqualTo(200);
        assertThat(declined.json().get("status").asString()).isEqualTo("declined");
        assertThat(lastMessage(ALICE, second)).contains("declined");
        // The front desk may offer again after a decline.
        assertThat(action(KIM, other, "offer", Map.of("startsAt", inDays(2))).json().get("status").asString())
                .isEqualTo("offered");
    }

    @Test
    void badInputIsAProblemAndWritesNothing() {
        String conversation = start();
        long before = count();
        for (Map<String, ?> bad : List.of(Map.of("urgency", "soon", "visitType", "video"),
                Map.of("reason", " ", "urgency", "soon", "visitType", "video"),
                Map.of("reason", "x".repeat(501), "urgency", "soon", "visitType", "video"),
                Map.of("reason", "Check", "urgency", "whenever", "visitType", "video"),
                Map.of("reason", "Check", "urgency", "soon", "visitType", "house_call"),
                Map.of("reason", "Check", "urgency", "soon"))) {
            Api.Response answer = create(KIM, conversation, bad);
            assertThat(answer.status()).as(bad.toString()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        Api.Response malformed = api.post("/api/v1/conversations/" + conversation + "/visit-request").token(demo.token(KIM))
                .raw("application/json", "{\"reason\": 12").send();
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void everyoneElseGetsNotFoundOnEveryEndpointAndChangesNothing() {
        String conversation = start();
        String id = create(KIM, conversation, visit()).json().get("id").asString();
        long before = count();
        // Another patient of the practice, a patient, staff and the admin of another practice, a proxy of others.
        for (String wrong : List.of(BOB, CAROL, LEE, LAKESIDE_ADMIN, MARIA)) {
            assertThat(create(wrong, conversation, visit()).status()).as(wrong + " create").isEqualTo(404);
            assertThat(api.get("/api/v1/visit-requests/" + id).token(demo.token(wrong)).send().status())
                    .as(wrong + " get").isEqualTo(404);
            for (String what : List.of("preferences", "offer", "book", "decline")) {
                Object body = what.equals("preferences")
                        ? Map.of("preferredTimes", List.of(Map.of("date", tomorrow(), "part", "morning")))
                        : what.equals("offer") || what.equals("book") ? Map.of("startsAt", inDays(2)) : null;
                assertThat(action(wrong, id, what, body).status()).as(wrong + " " + what).isEqualTo(404);
            }
            assertThat(ids(api.get("/api/v1/visit-requests").token(demo.token(wrong)).send())).doesNotContain(id);
            assertThat(PageSession.signedIn(api.base(), wrong).get("/app/visit-requests/" + id).status())
                    .as(wrong + " page").isEqualTo(404);
        }
        // The patient may not create one, nor reach the queue page; a made-up id is 404.
        assertThat(create(ALICE, conversation, visit()).status()).isEqualTo(404);
        assertThat(PageSession.signedIn(api.base(), ALICE).get("/app/visit-requests").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/visit-requests/" + UUID.randomUUID()).token(demo.token(KIM)).send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/visit-requests/not-an-id").token(demo.token(KIM)).send().status()).isEqualTo(404);
        assertThat(count()).isEqualTo(before);
        assertThat(jdbc.sql("select status from visit_request where id = :id").param("id", UUID.fromString(id))
                .query(String.class).single()).isEqualTo("requested");
        assertThat(jdbc.sql("select count(*) from audit_event where target_id = :id and allowed = false")
                .param("id", id).query(Long.class).single()).isPositive();
    }

    @Test
    void aProxyWorksTheRequestOfTheirChildOnPages() {
        String leo = leo();
        String conversation = api.post("/api/v1/conversations").token(demo.token(MARIA)).json(Map.of(
                "careTeamId", demo.team(MARIA, "Pediatrics"), "patientId", leo, "subject", "Leo's rash",
                "body", "A rash on his arm")).send().json().get("id").asString();
        PageSession lee = PageSession.signedIn(api.base(), LEE);
        lee.get("/app/conversations/" + conversation + "/visit-request");
        PageSession.Page made = lee.post("/app/conversations/" + conversation + "/visit-request",
                Map.of("reason", "Look at the rash", "urgency", "soon", "visitType", "video"));
        assertThat(made.status()).isEqualTo(302);
        String id = jdbc.sql("select id from visit_request where conversation_id = :c")
                .param("c", UUID.fromString(conversation)).query(UUID.class).single().toString();
        assertThat(lee.get("/app/visit-requests?status=requested").body()).contains(id);

        PageSession maria = PageSession.signedIn(api.base(), MARIA);
        maria.get("/app/conversations");
        maria.post("/app/acting-for", Map.of("patientId", leo));
        String thread = maria.get("/app/conversations/" + conversation).body();
        assertThat(thread).contains("data-card=\"visit-request\"").contains("Choose your preferred times");
        maria.get("/app/visit-requests/" + id);
        PageSession.Page sent = maria.post("/app/visit-requests/" + id + "/preferences",
                Map.of("date1", tomorrow(), "part1", "evening", "note", "After school"));
        assertThat(sent.status()).isEqualTo(302);
        assertThat(lee.get("/app/visit-requests/" + id).body()).contains("After school");
        // The front desk offers through the page, in the practice's time zone.
        lee.get("/app/visit-requests/" + id);
        String when = LocalDate.now(ZoneId.of("America/Chicago")).plusDays(3) + "T10:30";
        assertThat(lee.post("/app/visit-requests/" + id + "/offer", Map.of("startsAt", when)).status()).isEqualTo(302);
        maria.get("/app/visit-requests/" + id);
        assertThat(maria.post("/app/visit-requests/" + id + "/book", Map.of()).status()).isEqualTo(302);
        assertThat(maria.get("/app/conversations/" + conversation).body()).contains("Booked for");
        assertThat(lee.get("/app/visit-requests?status=booked").body()).contains(id);
    }

    private String lastMessage(String user, String conversation) {
        JsonNode items = demo.messages(user, conversation);
        return items.get(items.size() - 1).get("body").asString();
    }

    private static List<String> ids(Api.Response response) {
        assertThat(response.status()).isEqualTo(200);
        return response.json().get("items").valueStream().map(i -> i.get("id").asString()).toList();
    }

    private long count() {
        return jdbc.sql("select count(*) from visit_request").query(Long.class).single();
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
