package io.bedside.messaging;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.BOB;
import static io.bedside.support.Demo.PATEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import io.bedside.identity.Accounts;
import io.bedside.identity.internal.Families;
import io.bedside.patient.NewPatient;
import io.bedside.patient.Patients;
import io.bedside.patient.Sex;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Relationship;
import io.bedside.shared.UserId;
import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import io.bedside.support.MovableClock;
import io.bedside.support.PageSession;
import tools.jackson.databind.JsonNode;

/**
 * Family access in conversations (issue 16): Alice, a patient of Riverside, is made the parent of a
 * teenager, Sam. What Sam writes himself is confidential by default and reaches Alice nowhere — not
 * by id, not in lists, counts, events, notices or the transcript — until Sam shares it; what Alice
 * writes for Sam both see, with Alice named as the writer on Sam's behalf.
 */
@BothDatabases
@Import(MovableClock.Config.class)
class FamilyConversationsIntegrationTests extends ApplicationTest {

    @Autowired
    Patients patients;

    @Autowired
    Accounts accounts;

    @Autowired
    Families families;

    @Autowired
    MovableClock clock;

    private PracticeId riverside;
    private UserId alice;
    private PatientId sam;
    private String samEmail;
    private UUID grant;

    @BeforeEach
    void aliceIsTheParentOfATeenager() {
        clock.set(Instant.parse("2026-11-30T15:00:00Z"));
        JsonNode me = demo.me(ALICE);
        riverside = PracticeId.of(UUID.fromString(me.get("practice").get("id").asString()));
        alice = UserId.of(UUID.fromString(me.get("id").asString()));
        sam = teenager(LocalDate.of(2012, 5, 1));
    }

    private PatientId teenager(LocalDate born) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        samEmail = "sam-" + tag + "@patients.example";
        PatientId patient = patients.register(riverside, new NewPatient("SAM-" + tag, "Sam", "Walker", born,
                Sex.MALE, samEmail, null, "en")).id();
        accounts.createPatientAccount(riverside, patient, samEmail, "demo-password");
        grant = families.grant(riverside, patient, alice, Relationship.PARENT, alice).id();
        return patient;
    }

    private String samStarts(Map<String, Object> extra) {
        Api.Response teams = api.get("/api/v1/care-teams").token(demo.token(ALICE)).send();
        assertThat(teams.status()).as(teams.toString()).isEqualTo(200);
        Map<String, Object> body = new java.util.HashMap<>(Map.of("careTeamId", demo.team(ALICE, "Dr. Patel"),
                "subject", "A question of my own", "body", "Something I want to ask privately"));
        body.putAll(extra);
        Api.Response started = api.post("/api/v1/conversations").token(demo.token(samEmail)).json(body).send();
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        return started.json().get("id").asString();
    }

    @Test
    void aTeenagersOwnQuestionIsConfidentialByDefaultAndReachesTheParentNowhere() {
        long notices = countNotices(alice);
        String own = samStarts(Map.of());
        assertThat(conversation(samEmail, own).get("confidential").asBoolean()).isTrue();
        fannedOut();

        String token = demo.token(ALICE);
        long messages = count("message");
        long readStates = count("read_state");
        for (Api.Call call : List.of(
                api.get("/api/v1/conversations/" + own),
                api.get("/api/v1/conversations/" + own + "/messages"),
                api.post("/api/v1/conversations/" + own + "/messages").json(Map.of("body", "Let me see")),
                api.post("/api/v1/conversations/" + own + "/read").json(Map.of("seq", 1)),
                api.patch("/api/v1/conversations/" + own).json(Map.of("confidential", false)))) {
            Api.Response answer = call.token(token).send();
            assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
        }
        assertThat(count("message")).isEqualTo(messages);
        assertThat(count("read_state")).isEqualTo(readStates);

        assertThat(ids(api.get("/api/v1/conversations").token(token).send())).doesNotContain(own);
        assertThat(ids(api.get("/api/v1/conversations?patientId=" + sam).token(token).send())).doesNotContain(own);
        assertThat(eventsAbout(alice, own)).isZero();
        assertThat(countNotices(alice)).isEqualTo(notices);

        // The pages: the thread, its transcript, Sam's list as Alice switched to him.
        PageSession pages = PageSession.signedIn(api.base(), ALICE);
        pages.get("/app/conversations");
        assertThat(pages.post("/app/acting-for", Map.of("patientId", sam.toString())).status()).isEqualTo(302);
        assertThat(pages.get("/app/conversations/" + own).status()).isEqualTo(404);
        assertThat(pages.get("/app/conversations/" + own + "/export.pdf").status()).isEqualTo(404);
        assertThat(pages.get("/app/conversations").body()).doesNotContain(own).doesNotContain("A question of my own");
    }

    @Test
    void whatTheParentWritesForTheTeenagerBothSeeWithTheParentNamedAsTheWriter() {
        String token = demo.token(ALICE);
        Api.Response started = api.post("/api/v1/conversations").token(token).json(Map.of(
                "careTeamId", demo.team(ALICE, "Dr. Patel"), "patientId", sam.toString(),
                "subject", "Sam's vaccination", "body", "Is Sam due for a booster?")).send();
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String forSam = started.json().get("id").asString();
        assertThat(started.json().get("confidential").asBoolean()).isFalse();
        assertThat(started.json().get("patient").get("id").asString()).isEqualTo(sam.toString());
        JsonNode author = started.json().get("firstMessage").get("author");
        assertThat(author.get("id").asString()).isEqualTo(alice.toString());
        assertThat(author.get("role").asString()).isEqualTo("parent");
        assertThat(author.get("displayName").asString()).isEqualTo("Alice Walker");
        assertThat(author.get("onBehalfOf").get("id").asString()).isEqualTo(sam.toString());

        // Sam sees it, with his mother named; Alice's family list holds it beside her own conversations.
        assertThat(ids(api.get("/api/v1/conversations").token(demo.token(samEmail)).send())).contains(forSam);
        JsonNode seen = demo.messages(samEmail, forSam).get(0).get("author");
        assertThat(seen.get("onBehalfOf").get("displayName").asString()).isEqualTo("Sam Walker");
        String hers = demo.startAsPatient(ALICE, "Dr. Patel", "My own question", "About me");
        assertThat(ids(api.get("/api/v1/conversations").token(token).send())).contains(forSam, hers);
        assertThat(ids(api.get("/api/v1/conversations?patientId=" + sam).token(token).send()))
                .contains(forSam).doesNotContain(hers);
        assertThat(ids(api.get("/api/v1/conversations?patientId=" + alicePatient()).token(token).send()))
                .contains(hers).doesNotContain(forSam);

        // The care team's answer reaches both: an event and a notice each.
        demo.send(PATEL, forSam, "Yes, book a visit.");
        fannedOut();
        assertThat(eventsAbout(alice, forSam)).isPositive();
        assertThat(eventsAbout(samAccount(), forSam)).isPositive();

        // A parent cannot make a conversation private from themselves.
        Api.Response refused = api.post("/api/v1/conversations").token(token).json(Map.of(
                "careTeamId", demo.team(ALICE, "Dr. Patel"), "patientId", sam.toString(), "confidential", true,
                "subject", "Hidden", "body", "Hidden")).send();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theTeenagerSharesAQuestionAndStaffCanMarkOneConfidential() {
        String own = samStarts(Map.of());
        String token = demo.token(ALICE);
        Api.Response shared = api.patch("/api/v1/conversations/" + own).token(demo.token(samEmail))
                .json(Map.of("confidential", false)).send();
        assertThat(shared.status()).as(shared.toString()).isEqualTo(200);
        assertThat(api.get("/api/v1/conversations/" + own).token(token).send().status()).isEqualTo(200);
        assertThat(auditRows(own, "conversation.shared")).isEqualTo(1);

        // The parent cannot hide it again; the care team can.
        assertThat(api.patch("/api/v1/conversations/" + own).token(token).json(Map.of("confidential", true)).send()
                .status()).isEqualTo(403);
        assertThat(demo.triage(PATEL, own, Map.of("confidential", true)).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/conversations/" + own).token(token).send().status()).isEqualTo(404);
        assertThat(auditRows(own, "conversation.made-confidential")).isEqualTo(1);

        // And a teenager may write openly from the start.
        String open = samStarts(Map.of("confidential", false));
        assertThat(api.get("/api/v1/conversations/" + open).token(token).send().status()).isEqualTo(200);
    }

    @Test
    void aRevokedGrantEndsTheParentsAccessAtTheNextRequest() {
        String open = samStarts(Map.of("confidential", false));
        String token = demo.token(ALICE);
        assertThat(api.get("/api/v1/conversations/" + open).token(token).send().status()).isEqualTo(200);
        assertThat(families.end(riverside, grant, alice, "revoked")).isTrue();
        assertThat(api.get("/api/v1/conversations/" + open).token(token).send().status()).isEqualTo(404);
        assertThat(ids(api.get("/api/v1/conversations").token(token).send())).doesNotContain(open);
        assertThat(api.get("/api/v1/conversations?patientId=" + sam).token(token).send().status()).isEqualTo(404);
    }

    @Test
    void anotherPatientCannotActForTheTeenager() {
        String open = samStarts(Map.of("confidential", false));
        String bob = demo.token(BOB);
        long conversations = count("conversation");
        assertThat(api.get("/api/v1/conversations/" + open).token(bob).send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/conversations?patientId=" + sam).token(bob).send().status()).isEqualTo(404);
        Api.Response start = api.post("/api/v1/conversations").token(bob).json(Map.of(
                "careTeamId", demo.team(BOB, "Dr. Patel"), "patientId", sam.toString(),
                "subject", "Intruding", "body", "Intruding")).send();
        assertThat(start.status()).isEqualTo(404);
        assertThat(count("conversation")).isEqualTo(conversations);
    }

    /** The confidential age range starts at 12: the day before, a child's question is open to the parent. */
    @Test
    void confidentialityByDefaultStartsOnTheTwelfthBirthday() {
        ZoneId zone = ZoneId.of(jdbc.sql("select time_zone from practice where id = :p").param("p", riverside.value())
                .query(String.class).single());
        LocalDate birthday = LocalDate.ofInstant(clock.instant(), zone).plusDays(1).minusYears(12);
        sam = teenager(birthday);
        String before = samStarts(Map.of());
        assertThat(conversation(samEmail, before).get("confidential").asBoolean()).isFalse();
        clock.advance(Duration.ofDays(1));
        demo = new io.bedside.support.Demo(api); // tokens of yesterday have expired
        String after = samStarts(Map.of());
        assertThat(conversation(samEmail, after).get("confidential").asBoolean()).isTrue();
    }

    /** Events are numbered just after their transaction commits: waits until every change is. */
    private void fannedOut() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (count("live_outbox") > 0) {
            assertThat(System.nanoTime()).as("changes still waiting to be fanned out").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private JsonNode conversation(String user, String id) {
        return api.get("/api/v1/conversations/" + id).token(demo.token(user)).send().json();
    }

    private static List<String> ids(Api.Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.json().get("items").forEach(c -> ids.add(c.get("id").asString()));
        return ids;
    }

    private String alicePatient() {
        return demo.me(ALICE).get("patientId").asString();
    }

    private UserId samAccount() {
        return accounts.patientAccount(riverside, sam).orElseThrow();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private long countNotices(UserId user) {
        return jdbc.sql("select count(*) from notification where user_id = :u").param("u", user.value())
                .query(Long.class).single();
    }

    private long eventsAbout(UserId user, String conversation) {
        return jdbc.sql("select count(*) from live_event where user_id = :u and data like :c")
                .param("u", user.value()).param("c", "%" + conversation + "%").query(Long.class).single();
    }

    private long auditRows(String conversation, String action) {
        return jdbc.sql("select count(*) from audit_event where action = :a and target_id = :t")
                .param("a", action).param("t", conversation).query(Long.class).single();
    }
}
