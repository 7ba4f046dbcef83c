package io.bedside.messaging;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.BOB;
import static io.bedside.support.Demo.CAROL;
import static io.bedside.support.Demo.LEE;
import static io.bedside.support.Demo.PATEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.bedside.messaging.internal.SearchReindex;
import io.bedside.shared.PracticeId;
import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import tools.jackson.databind.JsonNode;

/**
 * Message search over the blind index (issue 17): by word, prefix, plural, accent-free spelling
 * and in Spanish; all words must match; never across practices, never another patient's, never an
 * internal note for a patient, never a confidential conversation for a proxy; bad input is 400;
 * audited without the words; still right after the search key is rotated and the index rebuilt.
 */
@BothDatabases
class SearchIntegrationTests extends ApplicationTest {

    private static final String MARIA = "maria@patients.example";

    @Autowired
    SearchReindex reindex;

    /** A made-up word no other test writes, so results are this test's own. */
    private static String word() {
        StringBuilder w = new StringBuilder("qz");
        for (int i = 0; i < 8; i++) {
            w.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return w.toString();
    }

    private Api.Response search(String username, String query) {
        return api.get("/api/v1/search?" + query).token(demo.token(username)).send();
    }

    private JsonNode items(String username, String q) {
        Api.Response answer = search(username, "q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().get("items");
    }

    private static List<String> conversations(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(i -> ids.add(i.get("conversation").get("id").asString()));
        return ids;
    }

    private static List<String> messages(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(i -> ids.add(i.get("message").get("id").asString()));
        return ids;
    }

    @Test
    void staffFindByWordPrefixPluralAndAccentFreeSpellingInEnglishAndSpanish() {
        String tag = word();
        String rash = demo.startAsPatient(ALICE, "Dr. Patel", "Rash cream", "Rash on my arm " + tag);
        String tag2 = word();
        String spanish = demo.startAsPatient(BOB, "Dr. Patel", "Pregunta", "El médico dijo que los dolores " + tag2);

        assertThat(conversations(items(PATEL, "rash " + tag))).containsExactly(rash);
        assertThat(conversations(items(PATEL, "ras " + tag))).containsExactly(rash);
        assertThat(conversations(items(PATEL, "RASHES " + tag))).containsExactly(rash);
        assertThat(conversations(items(PATEL, "cream " + tag))).as("the subject").containsExactly(rash);
        assertThat(conversations(items(PATEL, "arm rash " + tag.substring(0, 6)))).containsExactly(rash);
        assertThat(conversations(items(PATEL, "medico " + tag2))).containsExactly(spanish);
        assertThat(conversations(items(PATEL, "MÉDICOS " + tag2))).containsExactly(spanish);
        assertThat(conversations(items(PATEL, "dolor " + tag2))).containsExactly(spanish);
        // Every word must match.
        assertThat(items(PATEL, "rash " + tag + " elbow")).isEmpty();
        assertThat(items(PATEL, "medico " + tag)).isEmpty();

        JsonNode hit = items(PATEL, "rashes " + tag).get(0);
        String body = hit.get("message").get("body").asString();
        List<String> highlighted = new ArrayList<>();
        hit.get("highlights").forEach(h -> {
            if (h.get("field").asString().equals("body")) {
                highlighted.add(body.substring(h.get("start").asInt(), h.get("end").asInt()));
            }
        });
        assertThat(highlighted).containsExactly("Rash", tag);
        assertThat(hit.get("conversation").get("subject").asString()).isEqualTo("Rash cream");
    }

    @Test
    void theFieldsOfARequestAreSearchedToo() {
        String drug = word();
        Api.Response started = api.post("/api/v1/conversations").token(demo.token(ALICE)).json(Map.of(
                "careTeamId", demo.team(ALICE, "Dr. Patel"), "kind", "refill", "body", "Running low",
                "details", Map.of("medication", "Metformina " + drug, "pharmacy", "Corner Pharmacy"))).send();
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String refill = started.json().get("id").asString();
        JsonNode hits = items(PATEL, "metformina " + drug);
        assertThat(conversations(hits)).containsExactly(refill);
        assertThat(hits.get(0).get("highlights").toString()).contains("details");
        assertThat(conversations(items(ALICE, "corner " + drug))).containsExactly(refill);
        assertThat(search(PATEL, "q=" + drug + "&kind=refill").json().get("items")).hasSize(1);
        assertThat(search(PATEL, "q=" + drug + "&kind=question").json().get("items")).isEmpty();
    }

    @Test
    void patientsFindOnlyTheirOwnNeverANoteAndNoPracticeFindsAnothersMessages() {
        String tag = word();
        String alices = demo.startAsPatient(ALICE, "Dr. Patel", "Knee", "My knee hurts " + tag);
        String note = word();
        assertThat(demo.note(PATEL, alices, "Consider an x-ray " + tag + " " + note).status()).isEqualTo(201);

        assertThat(conversations(items(ALICE, tag))).containsExactly(alices);
        assertThat(items(ALICE, note)).as("a note, for the patient").isEmpty();
        assertThat(items(PATEL, note)).hasSize(1);
        assertThat(items(PATEL, tag)).hasSize(2);
        assertThat(items(BOB, tag)).as("another patient").isEmpty();
        assertThat(items(LEE, tag)).as("another practice").isEmpty();
        assertThat(items(CAROL, tag)).as("another practice's patient").isEmpty();

        // Filters: the patient, the status; a patient naming someone else's record is 404.
        String aliceId = demo.me(ALICE).get("patientId").asString();
        assertThat(search(PATEL, "q=" + tag + "&patientId=" + aliceId).json().get("items")).hasSize(2);
        assertThat(search(PATEL, "q=" + tag + "&patientId=" + demo.me(BOB).get("patientId").asString()).json()
                .get("items")).isEmpty();
        assertThat(search(PATEL, "q=" + tag + "&status=closed").json().get("items")).isEmpty();
        assertThat(search(PATEL, "q=" + tag + "&kind=question&status=open").json().get("items")).hasSize(2);
        assertThat(search(BOB, "q=" + tag + "&patientId=" + aliceId).status()).isEqualTo(404);
    }

    @Test
    void aProxyNeverFindsAConfidentialConversationAndFindsWhatTheyMayRead() {
        String tag = word();
        // Carol (16) writes for herself: private from her mother by default.
        String carols = demo.startAsPatient(CAROL, "Pediatrics", "Private", "A private question " + tag);
        assertThat(conversations(items(CAROL, tag))).containsExactly(carols);
        assertThat(items(MARIA, tag)).as("confidential, for the parent").isEmpty();
        assertThat(conversations(items(LEE, tag))).containsExactly(carols);

        // What Maria writes for Leo she finds; Carol does not.
        String leoId = leo();
        Api.Response started = api.post("/api/v1/conversations").token(demo.token(MARIA)).json(Map.of(
                "careTeamId", demo.team(CAROL, "Pediatrics"), "patientId", leoId, "subject", "Leo's cough",
                "body", "Leo coughs at night " + tag)).send();
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String leos = started.json().get("id").asString();
        assertThat(conversations(items(MARIA, tag))).containsExactly(leos);
        assertThat(conversations(items(CAROL, tag))).containsExactly(carols);
        assertThat(conversations(items(LEE, tag))).containsExactlyInAnyOrder(carols, leos);

        // Once Carol shares it, her mother finds it too.
        assertThat(api.patch("/api/v1/conversations/" + carols).token(demo.token(CAROL))
                .json(Map.of("confidential", false)).send().status()).isEqualTo(200);
        assertThat(conversations(items(MARIA, tag))).containsExactlyInAnyOrder(carols, leos);
    }

    private String leo() {
        JsonNode me = demo.me(MARIA);
        for (JsonNode f : me.get("patients")) {
            if (f.get("displayName").asString().startsWith("Leo")) {
                return f.get("id").asString();
            }
        }
        throw new AssertionError("Maria acts for no Leo: " + me);
    }

    @Test
    void pagesAreNewestFirstWithACursor() {
        String tag = word();
        String conversation = demo.startAsPatient(ALICE, "Dr. Patel", "Pages", "first " + tag);
        demo.send(ALICE, conversation, "second " + tag);
        demo.send(PATEL, conversation, "third " + tag);

        Api.Response first = search(PATEL, "q=" + tag + "&limit=2");
        assertThat(first.status()).isEqualTo(200);
        List<String> bodies = new ArrayList<>();
        first.json().get("items").forEach(i -> bodies.add(i.get("message").get("body").asString()));
        assertThat(bodies).containsExactly("third " + tag, "second " + tag);
        String cursor = first.json().get("nextCursor").asString();

        Api.Response second = search(PATEL, "q=" + tag + "&limit=2&cursor=" + cursor);
        assertThat(second.json().get("items")).hasSize(1);
        assertThat(second.json().get("items").get(0).get("message").get("body").asString()).isEqualTo("first " + tag);
        JsonNode last = second.json().get("nextCursor");
        assertThat(last == null || last.isNull()).as("no next page").isTrue();
    }

    @Test
    void badInputIsAProblem() {
        for (String query : List.of("", "q=", "q=%20", "q=ab", "q=a%20b", "q=rash&teamId=nope", "q=rash&patientId=1",
                "q=rash&from=yesterday", "q=rash&to=2026-13-01", "q=rash&cursor=garbage", "q=rash&status=maybe",
                "q=rash&kind=gossip", "q=rash&limit=0", "q=rash&limit=500",
                "q=rash&from=2026-11-02&to=2026-11-01")) {
            Api.Response answer = search(PATEL, query);
            assertThat(answer.status()).as(query + " " + answer).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void aSearchIsAuditedWithoutItsWordsAndOnTheReportOfEachPatientItShows() {
        String tag = word();
        String conversation = demo.startAsPatient(ALICE, "Dr. Patel", "Audit", "Searched for " + tag);
        String aliceId = demo.me(ALICE).get("patientId").asString();
        long before = auditRows("messages.found", aliceId);
        assertThat(items(PATEL, tag)).hasSize(1);
        assertThat(auditRows("messages.found", aliceId)).isEqualTo(before + 1);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'messages.found' and target_id = :c")
                .param("c", conversation).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'messages.searched'")
                .query(Long.class).single()).isPositive();
        List<String> withTheWord = new ArrayList<>();
        jdbc.sql("select * from audit_event").query(rs -> {
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                if (String.valueOf(rs.getObject(i)).contains(tag)) {
                    withTheWord.add(rs.getMetaData().getColumnName(i));
                }
            }
        });
        assertThat(withTheWord).isEmpty();

        // The patient's own report names the search.
        Api.Response report = api.get("/api/v1/audit?patientId=" + aliceId).token(demo.token(ALICE)).send();
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        assertThat(report.body()).contains("messages.found");
    }

    private long auditRows(String action, String patient) {
        return jdbc.sql("select count(*) from audit_event where action = :a and patient_id = :p")
                .param("a", action).param("p", UUID.fromString(patient)).query(Long.class).single();
    }

    @Test
    void afterTheSearchKeyIsRotatedAndTheIndexRebuiltEverythingIsFoundAndTheOldKeyIsGone() {
        String tag = word();
        String conversation = demo.startAsPatient(ALICE, "Dr. Patel", "Rotation", "Before the rotation " + tag);
        PracticeId practice = demo.actor(PATEL).practiceId();

        SearchReindex.Result result = reindex.rebuild(practice, 3, Duration.ZERO);

        assertThat(result.messages()).isPositive();
        assertThat(jdbc.sql("select version from crypto_search_key where practice_id = :p")
                .param("p", practice.value()).query(Integer.class).list()).containsExactly(result.keyVersion());
        assertThat(tokenRows(practice)).isPositive();
        assertThat(jdbc.sql("select count(*) from message_search_token where practice_id = :p and key_version < :v")
                .param("p", practice.value()).param("v", result.keyVersion()).query(Long.class).single())
                .as("the old key's rows are swept").isZero();
        assertThat(conversations(items(PATEL, "rotation " + tag))).containsExactly(conversation);
        demo.send(ALICE, conversation, "After the rotation " + tag);
        assertThat(messages(items(ALICE, tag))).hasSize(2);
    }

    @Test
    void datesAreDaysOfThePracticesCalendarTheLastOneIncluded() {
        String tag = word();
        String conversation = demo.startAsPatient(ALICE, "Dr. Patel", "Late", "Written late at night " + tag);
        PracticeId practice = demo.actor(PATEL).practiceId();
        String zone = jdbc.sql("select time_zone from practice where id = :p").param("p", practice.value())
                .query(String.class).single();
        jdbc.sql("update practice set time_zone = 'America/Chicago' where id = :p").param("p", practice.value())
                .update();
        try {
            // 23:30 in Chicago on 10 March 2026 is 04:30 on the 11th in UTC.
            var at = java.time.OffsetDateTime.parse("2026-03-11T04:30:00Z");
            jdbc.sql("update message set created_at = :at where conversation_id = :c").param("at", at)
                    .param("c", UUID.fromString(conversation)).update();
            jdbc.sql("update message_search_token set created_at = :at where conversation_id = :c").param("at", at)
                    .param("c", UUID.fromString(conversation)).update();

            assertThat(conversations(dated(tag, "from=2026-03-10&to=2026-03-10"))).containsExactly(conversation);
            assertThat(conversations(dated(tag, "to=2026-03-10"))).containsExactly(conversation);
            assertThat(conversations(dated(tag, "from=2026-03-10"))).containsExactly(conversation);
            assertThat(dated(tag, "from=2026-03-11")).isEmpty();
            assertThat(dated(tag, "to=2026-03-09")).isEmpty();
            assertThat(conversations(dated(tag, "from=2026-03-11T04:00:00Z"))).containsExactly(conversation);
        } finally {
            jdbc.sql("update practice set time_zone = :z where id = :p").param("z", zone)
                    .param("p", practice.value()).update();
        }
    }

    private JsonNode dated(String q, String range) {
        Api.Response answer = search(PATEL, "q=" + q + "&" + range);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().get("items");
    }

    @Test
    void aMessageThatDoesNotDecryptIsLeftOutAndTheSearchGoesOn() {
        String tag = word();
        String conversation = demo.startAsPatient(ALICE, "Dr. Patel", "Damaged", "The first " + tag);
        demo.send(ALICE, conversation, "The second " + tag);
        demo.send(PATEL, conversation, "The third " + tag);
        List<String> all = messages(items(PATEL, tag));
        assertThat(all).hasSize(3);
        String damaged = all.get(1);
        // A ciphertext of another message: authentic, but bound to another row.
        jdbc.sql("update message set body_ciphertext = (select body_ciphertext from message where id = :other)"
                + " where id = :id").param("other", UUID.fromString(all.get(0))).param("id", UUID.fromString(damaged))
                .update();

        assertThat(messages(items(PATEL, tag))).containsExactly(all.get(0), all.get(2));
        assertThat(messages(items(ALICE, tag))).containsExactly(all.get(0), all.get(2));
    }

    private long tokenRows(PracticeId practice) {
        return jdbc.sql("select count(*) from message_search_token where practice_id = :p")
                .param("p", practice.value()).query(Long.class).single();
    }
}
