package io.bedside.messaging;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.BOB;
import static io.bedside.support.Demo.CAROL;
import static io.bedside.support.Demo.LAKESIDE_ADMIN;
import static io.bedside.support.Demo.LEE;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import io.bedside.identity.ProxyGrants;
import io.bedside.shared.PracticeId;
import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import io.bedside.support.MovableClock;
import io.bedside.support.PageSession;

/**
 * Every id-bearing endpoint, tried by every wrong actor against Alice's conversation: the answer
 * is 404 exactly like a missing id, and nothing is written. Family access (issue 16) adds the
 * proxies: a parent of other patients, a parent reaching an adolescent's confidential conversation,
 * a proxy whose grant was revoked, and a parent whose child turned 18.
 */
@BothDatabases
@Import(MovableClock.Config.class)
class AccessMatrixIntegrationTests extends ApplicationTest {

    /** Lakeside's demo parent of Leo and Carol: a proxy-only account with no record of her own. */
    private static final String MARIA = "maria@patients.example";

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

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

    /**
     * Another patient of the same practice, a patient and staff of another practice, and a proxy of
     * other patients at another practice.
     */
    private static final List<String> WRONG_ACTORS = List.of(BOB, CAROL, LEE, LAKESIDE_ADMIN, MARIA);

    @Autowired
    MovableClock clock;

    @Autowired
    ProxyGrants proxyGrants;

    private String alices;

    @BeforeEach
    void alicesConversation() {
        // The clock is shared with the other tests of this application context: start from now.
        clock.set(Instant.now());
        alices = demo.startAsPatient(ALICE, "Dr. Patel", "Private matter", "Only for my team");
    }

    /** Leaves the shared clock at about now for the tests that come next, whatever this one did with it. */
    @AfterEach
    void clockBackToNow() {
        clock.set(Instant.now());
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

    /**
     * The analytics endpoints (issue 17) bear a care team's id: for Alice's team (Dr. Patel's), a
     * patient of the practice, staff and the admin of another practice, and proxies get "not found",
     * exactly as for a made-up team; a nurse of the practice who leads no team is refused (403).
     */
    @Test
    void everyWrongActorGetsNotFoundOnTheAnalyticsEndpoints() {
        String team = demo.team(ALICE, "Dr. Patel");
        Map<String, BiFunction<Api, String, Api.Call>> endpoints = Map.of(
                "GET analytics response times", (api, id) -> api.get("/api/v1/analytics/response-times?teamId=" + id),
                "GET analytics volume", (api, id) -> api.get("/api/v1/analytics/volume?teamId=" + id));
        everyWrongActorGetsNotFound(endpoints, team);
        for (var endpoint : endpoints.values()) {
            assertThat(endpoint.apply(api, team).token(demo.token(io.bedside.support.Demo.KIM)).send().status())
                    .isEqualTo(403);
            assertThat(endpoint.apply(api, team).token(demo.token(io.bedside.support.Demo.PATEL)).send().status())
                    .isEqualTo(200);
        }
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
            notFoundFor(actor, endpoints, id);
        }
    }

    private void notFoundFor(String actor, Map<String, BiFunction<Api, String, Api.Call>> endpoints, String id) {
        for (var endpoint : endpoints.entrySet()) {
            Api.Response theirs = endpoint.getValue().apply(api, id).token(demo.token(actor)).send();
            Api.Response missing = endpoint.getValue().apply(api, UUID.randomUUID().toString())
                    .token(demo.token(actor)).send();

            assertThat(theirs.status()).as(actor + " " + endpoint.getKey() + " " + theirs).isEqualTo(404);
            assertThat(theirs.contentType()).startsWith("application/problem+json");
            assertThat(theirs.json().get("detail").asString())
                    .as("a refusal reads exactly like a missing id")
                    .isEqualTo(missing.json().get("detail").asString());
        }
    }

    // ------------------------------------------------------------ family access (issue 16)

    /**
     * Carol (16, in Lakeside's confidential age range) writes a question with a photo herself: it is
     * confidential by default, and her mother Maria, who acts for her, reaches it nowhere — not by id
     * on any endpoint, not its pages, transcript, photo or thumbnail, not in a list or an event —
     * whichever record her pages act for, and nothing she tries is written.
     */
    @Test
    void aParentReachesNothingOfAnAdolescentsConfidentialConversation() throws IOException {
        String carol = demo.me(CAROL).get("patientId").asString();
        String subject = "My own question " + UUID.randomUUID().toString().substring(0, 8);
        PageSession carols = PageSession.signedIn(api.base(), CAROL);
        carols.get("/app/conversations/new");
        PageSession.Page sent = carols.postMultipart("/app/conversations", Map.of(
                "careTeamId", demo.team(CAROL, "Pediatrics"), "kind", "question", "subject", subject,
                "body", "Something I want to ask on my own.", "idempotencyKey", UUID.randomUUID().toString()),
                new PageSession.Upload("files", "photo.png", "image/png", png()));
        assertThat(sent.status()).as(sent.body()).isEqualTo(302);
        String own = sent.location().substring(sent.location().lastIndexOf('/') + 1);
        assertThat(api.get("/api/v1/conversations/" + own).token(demo.token(CAROL)).send().json()
                .get("confidential").asBoolean()).as("confidential by default").isTrue();
        String attachment = jdbc.sql("select cast(id as varchar) from attachment where conversation_id = :c")
                .param("c", UUID.fromString(own)).query(String.class).single();
        // Carol herself gets her photo: the refusals below are about who asks, not a broken file.
        assertThat(carols.get("/app/attachments/" + attachment).status()).isEqualTo(200);
        fannedOut();

        long messages = count("message");
        long readStates = count("read_state");
        long calls = count("patient_call");
        long attachments = count("attachment");
        long drafts = count("draft");

        notFoundFor(MARIA, ENDPOINTS, own);

        PageSession marias = PageSession.signedIn(api.base(), MARIA);
        for (String actingFor : List.of("as signed in", "acting for Carol")) {
            if (actingFor.equals("acting for Carol")) {
                marias.get("/app/conversations");
                assertThat(marias.post("/app/acting-for", Map.of("patientId", carol)).status()).isEqualTo(302);
            }
            for (String path : List.of("/app/conversations/" + own, "/app/conversations/" + own + "/thread",
                    "/app/conversations/" + own + "/export.pdf", "/app/attachments/" + attachment,
                    "/app/attachments/" + attachment + "/thumbnail", "/app/conversations/" + own + "/status")) {
                assertThat(marias.get(path).status()).as(actingFor + ": GET " + path).isEqualTo(404);
            }
            marias.get("/app/conversations");
            assertThat(marias.post("/app/conversations/" + own + "/messages", Map.of("body", "Let me see",
                    "idempotencyKey", UUID.randomUUID().toString())).status()).as(actingFor + ": reply").isEqualTo(404);
            marias.get("/app/conversations");
            assertThat(marias.post("/app/conversations/" + own + "/confidential", Map.of("confidential", "false"))
                    .status()).as(actingFor + ": share").isEqualTo(404);
            marias.get("/app/conversations");
            assertThat(marias.post("/app/drafts/" + own, Map.of("body", "A draft of mine")).status())
                    .as(actingFor + ": draft").isEqualTo(404);
            assertThat(marias.get("/app/conversations").body()).as(actingFor).doesNotContain(own).doesNotContain(subject);
            // Nor does the search page find it, by its subject's words or by naming Carol's record.
            var found = marias.get("/app/search?q=" + subject.substring(subject.lastIndexOf(' ') + 1));
            assertThat(found.status()).as(actingFor + ": search").isEqualTo(200);
            assertThat(found.body()).as(actingFor + ": search").doesNotContain(own).doesNotContain(subject)
                    .doesNotContain("<mark>");
            assertThat(marias.get("/app/search?q=own+question&patient=" + carol).body()).as(actingFor)
                    .doesNotContain(own).doesNotContain("Something I want to ask");
        }

        assertThat(count("message")).isEqualTo(messages);
        assertThat(count("read_state")).isEqualTo(readStates);
        assertThat(count("patient_call")).isEqualTo(calls);
        assertThat(count("attachment")).isEqualTo(attachments);
        assertThat(count("draft")).isEqualTo(drafts);
        assertThat(api.get("/api/v1/conversations/" + own).token(demo.token(CAROL)).send().json()
                .get("confidential").asBoolean()).as("still private").isTrue();

        fannedOut();
        String maria = demo.me(MARIA).get("id").asString();
        assertThat(jdbc.sql("select count(*) from live_event where user_id = :u and (data like :c or data like :a)")
                .param("u", UUID.fromString(maria)).param("c", "%" + own + "%").param("a", "%" + attachment + "%")
                .query(Long.class).single()).as("events to Maria about it").isZero();

        String token = demo.token(MARIA);
        assertThat(ids(api.get("/api/v1/conversations?limit=100").token(token).send())).doesNotContain(own);
        assertThat(ids(api.get("/api/v1/conversations?limit=100&patientId=" + carol).token(token).send()))
                .doesNotContain(own);
        assertThat(ids(api.get("/api/v1/conversations?limit=100").token(demo.token(CAROL)).send())).contains(own);
    }

    /**
     * A parent who read a child's conversation loses it the moment staff revoke the grant: every
     * endpoint answers 404 like a missing id, and nothing is written. The proxy keeps a grant on
     * another child, so their token still signs someone in.
     */
    @Test
    void aRevokedProxyGetsNotFoundOnEveryEndpointForAConversationTheyReadBefore() {
        String child = lakesidePatient(LocalDate.now(CHICAGO).minusYears(7));
        String other = lakesidePatient(LocalDate.now(CHICAGO).minusYears(4));
        String proxy = proxyAccount();
        String grant = grant(child, proxy);
        grant(other, proxy);
        String conversation = startFor(proxy, child);
        assertThat(api.get("/api/v1/conversations/" + conversation).token(demo.token(proxy)).send().status())
                .as("read before").isEqualTo(200);

        Api.Response revoked = api.delete("/api/v1/patients/" + child + "/proxies/" + grant).token(demo.token(LEE))
                .send();
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(204);

        formerProxyGetsNotFoundAndWritesNothing(proxy, conversation);
        assertThat(api.get("/api/v1/conversations?patientId=" + child).token(demo.token(proxy)).send().status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/conversations/" + conversation).token(demo.token(LEE)).send().status())
                .as("the care team still has it").isEqualTo(200);
    }

    /** Every endpoint answers 404 for a proxy whose access ended, nothing is written, and the list forgets it. */
    private void formerProxyGetsNotFoundAndWritesNothing(String proxy, String conversation) {
        long messages = count("message");
        long readStates = count("read_state");
        long calls = count("patient_call");
        notFoundFor(proxy, ENDPOINTS, conversation);
        assertThat(count("message")).isEqualTo(messages);
        assertThat(count("read_state")).isEqualTo(readStates);
        assertThat(count("patient_call")).isEqualTo(calls);
        assertThat(ids(api.get("/api/v1/conversations?limit=100").token(demo.token(proxy)).send()))
                .doesNotContain(conversation);
    }

    /**
     * A parent grant expires on the child's 18th birthday on the practice's calendar: the next
     * request, before the nightly check stamps the grant, answers 404 on every endpoint for a
     * conversation the parent started and read the evening before.
     */
    @Test
    void aParentWhoseChildTurnedEighteenGetsNotFoundOnEveryEndpoint() {
        // Half past eleven at night in Chicago, the eve of the 18th birthday.
        LocalDate eve = LocalDate.now(CHICAGO);
        clock.set(eve.atTime(LocalTime.of(23, 30)).atZone(CHICAGO).toInstant());
        demo = new io.bedside.support.Demo(api); // tokens issued at another time
        String teen = lakesidePatient(eve.plusDays(1).minusYears(18));
        String little = lakesidePatient(eve.minusYears(8));
        String proxy = proxyAccount();
        grant(teen, proxy);
        grant(little, proxy);
        String conversation = startFor(proxy, teen);
        assertThat(api.get("/api/v1/conversations/" + conversation).token(demo.token(proxy)).send().status())
                .as("read on the eve").isEqualTo(200);

        clock.advance(Duration.ofMinutes(45));
        formerProxyGetsNotFoundAndWritesNothing(proxy, conversation);
        assertThat(jdbc.sql("select count(*) from proxy_grant where patient_id = :p and ended_at is null")
                .param("p", UUID.fromString(teen)).query(Long.class).single())
                .as("not yet stamped by the nightly check: refused at the request").isEqualTo(1);
    }

    /** A new Lakeside patient born on this day, without an account, added by Dr. Lee. */
    private String lakesidePatient(LocalDate birth) {
        Map<String, Object> body = new HashMap<>();
        body.put("externalId", "M-" + UUID.randomUUID().toString().substring(0, 8));
        body.put("givenName", "Robin");
        body.put("familyName", "Ortiz");
        body.put("birthDate", birth.toString());
        body.put("sex", "female");
        body.put("language", "en");
        Api.Response added = api.post("/api/v1/patients").token(demo.token(LEE)).json(body).send();
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added.json().get("id").asString();
    }

    /** A proxy-only Lakeside account with the demo password (no invitation to accept); returns its email. */
    private String proxyAccount() {
        String email = "proxy-" + UUID.randomUUID().toString().substring(0, 8) + "@family.example";
        PracticeId lakeside = PracticeId.of(UUID.fromString(demo.me(LEE).get("practice").get("id").asString()));
        proxyGrants.createProxyAccount(lakeside, email, "demo-password", "Jordan Ortiz");
        return email;
    }

    /** Dr. Lee makes the account a parent of the patient, through the API; returns the grant's id. */
    private String grant(String patient, String proxy) {
        Api.Response granted = api.post("/api/v1/patients/" + patient + "/proxies").token(demo.token(LEE))
                .json(Map.of("name", "Jordan Ortiz", "email", proxy, "relationship", "parent")).send();
        assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
        // Grants listed oldest first: the test's clock stands still.
        clock.advance(Duration.ofSeconds(1));
        return granted.json().get("id").asString();
    }

    /** The proxy writes to Pediatrics for the patient; returns the conversation's id. */
    private String startFor(String proxy, String patient) {
        Api.Response started = api.post("/api/v1/conversations").token(demo.token(proxy)).json(Map.of(
                "careTeamId", demo.team(proxy, "Pediatrics"), "patientId", patient,
                "subject", "A fever", "body", "A fever since yesterday.")).send();
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        return started.json().get("id").asString();
    }

    /** Events are numbered just after their transaction commits: waits until every change is. */
    private void fannedOut() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (count("live_outbox") > 0) {
            assertThat(System.nanoTime()).as("changes still waiting to be fanned out").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static List<String> ids(Api.Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.json().get("items").forEach(c -> ids.add(c.get("id").asString()));
        return ids;
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(200, 120, 80));
        g.fillRect(0, 0, 120, 80);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    // ------------------------------------------------------------ FHIR out (issue 19)

    /**
     * Alice's record as a FHIR bundle, and the practice export's job and file: every wrong actor of
     * the patient's side and the other practice's admin get "not found" exactly as for a made-up id;
     * staff who are not practice admins (of either practice) are refused before any lookup (403).
     * Nothing is deleted by any of them.
     */
    @Test
    void everyWrongActorGetsNotFoundOnTheFhirEndpoints() {
        String alice = demo.me(ALICE).get("patientId").asString();
        everyWrongActorGetsNotFound(Map.of("GET patient FHIR bundle",
                (api, id) -> api.get("/api/v1/patients/" + id + "/fhir")), alice);

        String admin = io.bedside.support.Demo.RIVERSIDE_ADMIN;
        Api.Response kickOff = api.post("/api/v1/fhir/$export").token(demo.token(admin)).send();
        assertThat(kickOff.status()).as(kickOff.toString()).isEqualTo(202);
        String status = kickOff.header("Content-Location");
        String job = status.substring(status.lastIndexOf('/') + 1);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Api.Response done;
        while ((done = api.get("/api/v1/fhir/$export-status/" + job).token(demo.token(admin)).send()).status() == 202) {
            assertThat(System.nanoTime()).as("export still running").isLessThan(deadline);
            Thread.onSpinWait();
        }
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        String url = done.json().get("output").get(0).get("url").asString();
        String file = url.substring(url.lastIndexOf('/') + 1);

        Map<String, BiFunction<Api, String, Api.Call>> jobs = Map.of(
                "GET export status", (api, id) -> api.get("/api/v1/fhir/$export-status/" + id),
                "DELETE export", (api, id) -> api.delete("/api/v1/fhir/$export-status/" + id));
        Map<String, BiFunction<Api, String, Api.Call>> files = Map.of(
                "GET export file", (api, id) -> api.get("/api/v1/fhir/$export-file/" + id));
        for (String actor : List.of(BOB, CAROL, LAKESIDE_ADMIN, MARIA)) {
            notFoundFor(actor, jobs, job);
            notFoundFor(actor, files, file);
        }
        for (String staff : List.of(LEE, io.bedside.support.Demo.KIM)) {
            for (var call : List.of(jobs.get("GET export status").apply(api, job),
                    jobs.get("DELETE export").apply(api, job), files.get("GET export file").apply(api, file),
                    api.post("/api/v1/fhir/$export"))) {
                assertThat(call.token(demo.token(staff)).send().status()).as(staff).isEqualTo(403);
            }
        }
        assertThat(jdbc.sql("select count(*) from fhir_export_file where id = :id").param("id", UUID.fromString(file))
                .query(Long.class).single()).as("nothing downloaded or deleted").isOne();
        assertThat(api.delete("/api/v1/fhir/$export-status/" + job).token(demo.token(admin)).send().status())
                .isEqualTo(202);
    }

    /**
     * Web Push devices (issue 19): another person's device id is not found, exactly like a missing
     * one, is absent from their list, and stays subscribed. Nothing is sent: the endpoint is only
     * stored (on a known push service, as a browser's would be).
     */
    @Test
    void everyWrongActorGetsNotFoundForAnotherPersonsPushDeviceAndRemovesNothing() throws Exception {
        var generator = java.security.KeyPairGenerator.getInstance("EC");
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        var point = ((java.security.interfaces.ECPublicKey) generator.generateKeyPair().getPublic()).getW();
        byte[] key = new byte[65];
        key[0] = 4;
        byte[] x = point.getAffineX().toByteArray();
        byte[] y = point.getAffineY().toByteArray();
        System.arraycopy(x, Math.max(0, x.length - 32), key, 1 + 32 - Math.min(32, x.length), Math.min(32, x.length));
        System.arraycopy(y, Math.max(0, y.length - 32), key, 33 + 32 - Math.min(32, y.length), Math.min(32, y.length));
        var b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String alicesToken = demo.token(ALICE);
        Api.Response added = api.post("/api/v1/me/push-subscriptions").token(alicesToken).json(Map.of(
                "endpoint", "https://fcm.googleapis.com/fcm/send/matrix-" + UUID.randomUUID(),
                "keys", Map.of("p256dh", b64.encodeToString(key), "auth", b64.encodeToString(new byte[16])))).send();
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        String deviceId = added.json().get("id").asString();
        try {
            for (String actor : WRONG_ACTORS) {
                Api.Response theirs = api.delete("/api/v1/me/push-subscriptions/" + deviceId).token(demo.token(actor)).send();
                Api.Response missing = api.delete("/api/v1/me/push-subscriptions/" + UUID.randomUUID())
                        .token(demo.token(actor)).send();
                assertThat(theirs.status()).as(actor).isEqualTo(404);
                assertThat(theirs.contentType()).startsWith("application/problem+json");
                assertThat(theirs.json().get("detail").asString()).isEqualTo(missing.json().get("detail").asString());
                assertThat(api.get("/api/v1/me/push-subscriptions").token(demo.token(actor)).send().body())
                        .doesNotContain(deviceId);
                // The settings page's remove button, with the other person's id: not found either.
                PageSession page = PageSession.signedIn(api.base(), actor);
                page.get("/app/settings/security"); // a fresh form token after signing in
                assertThat(page.post("/app/settings/notifications/devices/" + deviceId + "/remove", Map.of()).status())
                        .as(actor + " (page)").isEqualTo(404);
            }
            assertThat(api.get("/api/v1/me/push-subscriptions").token(alicesToken).send().body())
                    .as("still subscribed").contains(deviceId);
        } finally {
            api.delete("/api/v1/me/push-subscriptions/" + deviceId).token(alicesToken).send();
        }
    }

    // ------------------------------------------------------------ attachments through the API (issue 19)

    /**
     * Files through the API: posting a file to Alice's conversation and downloading the file on it
     * answer every wrong actor 404 like a missing id, and nothing is stored.
     */
    @Test
    void everyWrongActorGetsNotFoundOnTheAttachmentEndpointsAndStoresNothing() throws IOException {
        byte[] photo = png();
        Api.Response own = api.post("/api/v1/conversations/" + alices + "/attachments").token(demo.token(ALICE))
                .multipart(Map.of("body", "A photo"), List.of(new Api.FilePart("file", "photo.png", "image/png", photo)))
                .send();
        assertThat(own.status()).as(own.toString()).isEqualTo(201);
        String file = own.json().get("attachments").get(0).get("id").asString();
        assertThat(api.get("/api/v1/attachments/" + file).token(demo.token(ALICE)).sendForBytes().status())
                .as("Alice gets her own file").isEqualTo(200);
        long messages = count("message");
        long attachments = count("attachment");

        everyWrongActorGetsNotFound(Map.of("POST attachments", (api, id) -> api
                .post("/api/v1/conversations/" + id + "/attachments").multipart(Map.of("body", "Intruding"),
                        List.of(new Api.FilePart("file", "x.png", "image/png", photo)))), alices);
        everyWrongActorGetsNotFound(Map.of("GET attachment", (api, id) -> api.get("/api/v1/attachments/" + id)), file);

        assertThat(count("message")).isEqualTo(messages);
        assertThat(count("attachment")).isEqualTo(attachments);
    }

    // ------------------------------------------------------------ the care team's day (issue 19)

    /**
     * Snooze, wake, mark unread, move, merge: staff of Alice's practice only; every wrong actor gets
     * 404 and changes nothing.
     */
    @Test
    void everyWrongActorGetsNotFoundOnTheFollowUpEndpointsAndChangesNothing() {
        String alicesOther = demo.startAsPatient(ALICE, "Dr. Patel", "Another matter", "Also for my team");
        long messages = count("message");
        Map<String, BiFunction<Api, String, Api.Call>> endpoints = Map.of(
                "POST snooze", (api, id) -> api.post("/api/v1/conversations/" + id + "/snooze")
                        .json(Map.of("days", 3)),
                "DELETE snooze", (api, id) -> api.delete("/api/v1/conversations/" + id + "/snooze"),
                "POST unread", (api, id) -> api.post("/api/v1/conversations/" + id + "/unread"),
                "POST move", (api, id) -> api.post("/api/v1/conversations/" + id + "/move")
                        .json(Map.of("careTeamId", demo.team(ALICE, "Billing"))),
                "POST merge", (api, id) -> api.post("/api/v1/conversations/" + id + "/merge")
                        .json(Map.of("intoId", alicesOther)));
        everyWrongActorGetsNotFound(endpoints, alices);
        // Alice herself: these are the care team's tools, not hers.
        notFoundFor(ALICE, endpoints, alices);
        assertThat(count("conversation_unread_mark")).isZero();
        assertThat(count("message")).isEqualTo(messages);
        var after = api.get("/api/v1/conversations/" + alices).token(demo.token(ALICE)).send().json();
        assertThat(after.get("careTeam").get("name").asString()).startsWith("Dr. Patel");
        assertThat(after.get("status").asString()).isEqualTo("open");
        assertThat(after.has("mergedInto")).isFalse();
        assertThat(jdbc.sql("select count(*) from conversation where snoozed_until is not null and id = :id")
                .param("id", UUID.fromString(alices)).query(Long.class).single()).isZero();
    }

    /**
     * Bulk actions name conversations in the body: a patient finds no such address (404); staff of
     * another practice get each id's outcome as "not_found", exactly as a made-up id's; nothing changes.
     */
    @Test
    void bulkActionsReachNothingOfAnotherPracticeOrPatient() {
        String made = UUID.randomUUID().toString();
        for (String actor : WRONG_ACTORS) {
            for (String action : List.of("close", "priority", "assign", "snooze")) {
                Map<String, Object> body = Map.of("ids", List.of(alices, made), "action", action,
                        "value", switch (action) {
                            case "priority" -> "urgent";
                            case "snooze" -> "3";
                            case "assign" -> "me";
                            default -> "";
                        });
                Api.Response answer = api.post("/api/v1/conversations/bulk").token(demo.token(actor)).json(body).send();
                if (answer.status() == 404) {
                    assertThat(answer.contentType()).startsWith("application/problem+json");
                    continue;
                }
                assertThat(answer.status()).as(actor + " " + action + " " + answer).isEqualTo(200);
                List<String> outcomes = new ArrayList<>();
                answer.json().get("items").forEach(i -> outcomes.add(i.get("outcome").asString()));
                assertThat(outcomes).as(actor + " " + action).containsExactly("not_found", "not_found");
            }
        }
        var after = api.get("/api/v1/conversations/" + alices).token(demo.token(ALICE)).send().json();
        assertThat(after.get("status").asString()).isEqualTo("open");
        assertThat(after.get("priority").asString()).isNotEqualTo("urgent");
        assertThat(after.has("assignee")).isFalse();
        assertThat(jdbc.sql("select count(*) from conversation where snoozed_until is not null and id = :id")
                .param("id", UUID.fromString(alices)).query(Long.class).single()).isZero();
    }

    /**
     * The visit request endpoints (issue 19, scheduling): for Alice's conversation and its request,
     * every wrong actor gets "not found", exactly as for a made-up id, and nothing changes.
     */
    @Test
    void everyWrongActorGetsNotFoundOnTheVisitRequestEndpoints() {
        Api.Response made = api.post("/api/v1/conversations/" + alices + "/visit-request").token(demo.token(io.bedside.support.Demo.KIM))
                .json(Map.of("reason", "Check the knee", "urgency", "routine", "visitType", "in_person")).send();
        assertThat(made.status()).isEqualTo(201);
        String request = made.json().get("id").asString();
        String day = java.time.LocalDate.now(CHICAGO).plusDays(1).toString();
        String later = Instant.now().plus(java.time.Duration.ofDays(2)).toString();
        Map<String, BiFunction<Api, String, Api.Call>> onConversation = Map.of(
                "POST visit-request", (api, id) -> api.post("/api/v1/conversations/" + id + "/visit-request")
                        .json(Map.of("reason", "Intruding", "urgency", "soon", "visitType", "video")));
        Map<String, BiFunction<Api, String, Api.Call>> onRequest = Map.of(
                "GET visit-request", (api, id) -> api.get("/api/v1/visit-requests/" + id),
                "POST preferences", (api, id) -> api.post("/api/v1/visit-requests/" + id + "/preferences")
                        .json(Map.of("preferredTimes", List.of(Map.of("date", day, "part", "morning")))),
                "POST offer", (api, id) -> api.post("/api/v1/visit-requests/" + id + "/offer").json(Map.of("startsAt", later)),
                "POST book", (api, id) -> api.post("/api/v1/visit-requests/" + id + "/book").json(Map.of("startsAt", later)),
                "POST decline", (api, id) -> api.post("/api/v1/visit-requests/" + id + "/decline"));
        long requests = count("visit_request");
        everyWrongActorGetsNotFound(onConversation, alices);
        everyWrongActorGetsNotFound(onRequest, request);
        assertThat(count("visit_request")).isEqualTo(requests);
        assertThat(jdbc.sql("select status from visit_request where id = cast(:id as uuid)").param("id", request)
                .query(String.class).single()).isEqualTo("requested");
        for (String wrong : WRONG_ACTORS) {
            assertThat(api.get("/api/v1/visit-requests").token(tokenFor(wrong)).send().body()).as(wrong)
                    .doesNotContain(request);
        }
    }

    /**
     * Two-way SMS (issue 18): a practice's SMS settings are its own admins' only (another practice's
     * admin sees their own, never this one's number), and a patient's text consent is their own only.
     */
    @Test
    void theSmsSettingsAndTextConsentAreTheCallersOwnOnly() {
        String riverside = tokenFor(io.bedside.support.Demo.RIVERSIDE_ADMIN);
        Api.Response connected = api.put("/api/v1/practice/sms").token(riverside)
                .json(Map.of("phone", "+15555550188")).send();
        assertThat(connected.status()).isEqualTo(200);
        try {
            assertThat(api.get("/api/v1/practice/sms").token(tokenFor(io.bedside.support.Demo.LAKESIDE_ADMIN)).send()
                    .body()).doesNotContain("+15555550188");
            assertThat(api.get("/api/v1/practice/sms").token(tokenFor(io.bedside.support.Demo.KIM)).send().status())
                    .isEqualTo(403);
            assertThat(api.put("/api/v1/practice/sms").token(tokenFor(io.bedside.support.Demo.LEE))
                    .json(Map.of("phone", "+15555550187")).send().status()).isEqualTo(403);
            for (String patient : List.of(ALICE, io.bedside.support.Demo.CAROL)) {
                assertThat(api.get("/api/v1/practice/sms").token(tokenFor(patient)).send().status()).isEqualTo(404);
            }
            for (String staff : List.of(io.bedside.support.Demo.KIM, io.bedside.support.Demo.LAKESIDE_ADMIN)) {
                assertThat(api.get("/api/v1/me/text-consent").token(tokenFor(staff)).send().status()).isEqualTo(404);
                assertThat(api.put("/api/v1/me/text-consent").token(tokenFor(staff)).json(Map.of("texting", true))
                        .send().status()).isEqualTo(404);
            }
        } finally {
            api.put("/api/v1/practice/sms").token(riverside).json(Map.of("phone", "")).send();
        }
    }

    /** Alice's passkey on the passkeys settings page: every wrong actor's rename and removal is not found. */
    @Test
    void everyWrongActorGetsNotFoundOnAlicesPasskey() {
        var seeded = io.bedside.support.TestPasskeys.seed(jdbc, demo.actor(ALICE), "Alice's phone");
        try {
            for (String wrong : WRONG_ACTORS) {
                PageSession session = PageSession.signedIn(api.base(), wrong);
                session.get("/app/settings/passkeys");
                assertThat(session.post("/app/settings/passkeys/" + seeded.id() + "/remove", Map.of()).status()).as(wrong)
                        .isEqualTo(404);
                assertThat(session.post("/app/settings/passkeys/" + seeded.id() + "/rename", Map.of("label", "Mine"))
                        .status()).as(wrong).isEqualTo(404);
            }
            assertThat(jdbc.sql("select label from passkey where id = :id").param("id", seeded.id()).query(String.class)
                    .single()).isEqualTo("Alice's phone");
        } finally {
            io.bedside.support.TestPasskeys.delete(jdbc, seeded.id());
        }
    }
}
