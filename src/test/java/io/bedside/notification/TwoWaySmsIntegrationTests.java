package io.bedside.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.BOB;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.LAKESIDE_ADMIN;
import static io.bedside.support.Demo.PATEL;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import tools.jackson.databind.JsonNode;

import io.bedside.notification.sms.InboundTextWorker;
import io.bedside.notification.sms.WebhookSignatures;
import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import io.bedside.support.Demo;
import io.bedside.support.MovableClock;
import io.bedside.support.TestSmtp;

/**
 * Two-way SMS against a WireMock gateway: the practice connects its number, signed inbound texts
 * land in the patient's conversation marked {@code via: sms}; forged, replayed and duplicate
 * requests are refused or ignored; STOP, ALTO, START and HELP are honoured, audited and answered;
 * an unknown number gets the fixed answer and nothing is kept; MMS files are checked like uploads;
 * replies go out in full only with the practice's setting and the patient's agreement.
 */
@Import(MovableClock.Config.class)
@BothDatabases
class TwoWaySmsIntegrationTests extends ApplicationTest {

    private static final String SEND_PATH = "/2010-04-01/Accounts/AC1/Messages.json";
    private static final String NUMBER = "+15555550199";
    private static final String ALICE_PHONE = "+15555550101";
    private static final String BOB_PHONE = "+15555550102";
    private static final String WEBHOOK = "https://bedside.example.org/api/v1/sms/inbound";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    static WireMockServer gateway = LiveChannels.GATEWAY;

    // The same properties as NotificationChannelsIntegrationTests, so both share one application context.
    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry registry) {
        LiveChannels.register(registry, SEND_PATH);
        registry.add("bedside.notification.sms.account", () -> "AC1");
        registry.add("bedside.notification.sms.token", () -> "secret");
        registry.add("bedside.notification.sms.from", () -> "+15555550000");
        registry.add("bedside.notification.max-attempts", () -> "3");
    }

    @Autowired
    MovableClock clock;

    @Autowired
    NotificationDispatcher dispatcher;

    @Autowired
    InboundTextWorker worker;

    @Autowired
    io.bedside.notification.sms.SmsSweeper sweeper;

    @Autowired
    io.bedside.patient.Patients patients;

    @Autowired
    io.bedside.identity.Accounts accounts;

    private String secret;

    // Each test a little later than anything before it: a text lands in the patient's newest open
    // conversation, so the one a test starts must be newer than those of the tests before it.
    private static int tests;

    @BeforeEach
    void connect() {
        clock.set(Instant.now().plus(Duration.ofDays(1)).plus(Duration.ofMinutes(30L * tests++)));
        gateway.resetAll();
        gateway.stubFor(post(urlEqualTo(SEND_PATH)).willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"SM1\"}")));
        jdbc.sql("delete from notification where status in ('pending', 'sending')").update();
        Api.Response saved = api.put("/api/v1/practice/sms").token(demo.token(RIVERSIDE_ADMIN))
                .json(Map.of("phone", NUMBER, "fullText", false, "newSecret", true)).send();
        assertThat(saved.status()).isEqualTo(200);
        secret = saved.json().get("secret").asString();
        assertThat(secret).hasSizeGreaterThan(30);
    }

    @AfterEach
    void disconnect() {
        clock.set(Instant.now());
        Demo fresh = new Demo(api);
        api.put("/api/v1/practice/sms").token(fresh.token(RIVERSIDE_ADMIN)).json(Map.of("phone", "")).send();
        for (String patient : List.of(ALICE, BOB)) {
            api.put("/api/v1/me/text-consent").token(fresh.token(patient)).json(Map.of("texting", false)).send();
            api.put("/api/v1/me/notification-preferences").token(fresh.token(patient)).json(Map.of("channel", "email"))
                    .send();
        }
        jdbc.sql("delete from sms_opt_out").update();
        jdbc.sql("delete from sms_stranger_reply").update();
    }

    private void agree(String patient, boolean health) {
        Api.Response r = api.put("/api/v1/me/text-consent").token(demo.token(patient))
                .json(Map.of("texting", true, "healthInformation", health)).send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static Map<String, String> text(String from, String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("From", from);
        fields.put("To", NUMBER);
        fields.put("Body", body);
        fields.put("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
        fields.put("NumMedia", "0");
        return fields;
    }

    private Api.Response deliver(String body, String signature, long timestamp) {
        return api.post("/api/v1/sms/inbound").header(WebhookSignatures.SIGNATURE_HEADER, signature)
                .header(WebhookSignatures.TIMESTAMP_HEADER, Long.toString(timestamp))
                .raw("application/x-www-form-urlencoded", body).send();
    }

    private String sign(String body, long timestamp) {
        return WebhookSignatures.sign(secret.getBytes(StandardCharsets.UTF_8), Long.toString(timestamp), "POST", WEBHOOK,
                body.getBytes(StandardCharsets.UTF_8));
    }

    private Api.Response deliver(Map<String, String> fields) {
        String body = form(fields);
        long now = clock.instant().getEpochSecond();
        return deliver(body, sign(body, now), now);
    }

    /** Runs the worker and the outbox until the condition holds (the scheduled runs may take a row first). */
    private void settle(BooleanSupplier done) {
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < until) {
            worker.processDue();
            dispatcher.dispatchDue();
            if (done.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("did not settle");
    }

    private long inboundDone(String sid) {
        return jdbc.sql("select count(*) from sms_inbound where gateway_id = :sid and status = 'done'")
                .param("sid", sid).query(Long.class).single();
    }

    /** The texts sent to this number, decoded. */
    private List<Map<String, String>> sentTo(String to) {
        // WireMock lists the newest first: oldest first here.
        var events = new java.util.ArrayList<>(gateway.getAllServeEvents());
        java.util.Collections.reverse(events);
        return events.stream()
                .filter(e -> e.getRequest().getUrl().equals(SEND_PATH))
                .map(e -> parse(e.getRequest().getBodyAsString()))
                .filter(f -> to.equals(f.get("To"))).toList();
    }

    private static Map<String, String> parse(String form) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    private long audited(String action, Instant since) {
        return jdbc.sql("select count(*) from audit_event where action = :action and occurred_at >= :since")
                .param("action", action).param("since", since.atOffset(java.time.ZoneOffset.UTC).minusSeconds(5))
                .query(Long.class).single();
    }

    @Test
    void aSignedTextFromAPatientWhoAgreedLandsInTheirLatestOpenConversationMarkedBySms() {
        agree(ALICE, false);
        String conversation = demo.startAsPatient(ALICE, "Dr. Patel", "Knee", "My knee hurts");
        Map<String, String> fields = text(ALICE_PHONE, "Texted: it is better today");
        Api.Response answer = deliver(fields);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("status").asString()).isEqualTo("queued");
        settle(() -> inboundDone(fields.get("MessageSid")) == 1);

        JsonNode messages = demo.messages(KIM, conversation);
        JsonNode last = messages.get(messages.size() - 1);
        assertThat(last.get("body").asString()).isEqualTo("Texted: it is better today");
        assertThat(last.get("via").asString()).isEqualTo("sms");
        assertThat(last.get("author").get("role").asString()).isEqualTo("patient");
        assertThat(messages.get(0).get("via").asString()).isEqualTo("web");
        // Nothing of the text is kept in the queue once it is a message.
        assertThat(jdbc.sql("select count(*) from sms_inbound where gateway_id = :sid and content_ciphertext is null")
                .param("sid", fields.get("MessageSid")).query(Long.class).single()).isEqualTo(1);
        // The staff thread shows it.
        assertThat(sentTo(ALICE_PHONE)).isEmpty();
    }

    @Test
    void aForgedUnsignedOrStaleRequestIsRefusedAndNothingIsStored() {
        agree(ALICE, false);
        long before = jdbc.sql("select count(*) from sms_inbound").query(Long.class).single();
        Map<String, String> fields = text(ALICE_PHONE, "forged");
        String body = form(fields);
        long now = clock.instant().getEpochSecond();

        Api.Response unsigned = api.post("/api/v1/sms/inbound").raw("application/x-www-form-urlencoded", body).send();
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(unsigned.contentType()).startsWith("application/problem+json");

        String forged = WebhookSignatures.sign("not-the-secret".getBytes(StandardCharsets.UTF_8), Long.toString(now),
                "POST", WEBHOOK, body.getBytes(StandardCharsets.UTF_8));
        Api.Response refused = deliver(body, forged, now);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");

        // Signed, then changed on the way.
        assertThat(deliver(body.replace("forged", "changed"), sign(body, now), now).status()).isEqualTo(403);

        long old = now - 301;
        assertThat(deliver(body, sign(body, old), old).status()).as("older than five minutes").isEqualTo(403);
        long future = now + 301;
        assertThat(deliver(body, sign(body, future), future).status()).as("from the future").isEqualTo(403);

        assertThat(jdbc.sql("select count(*) from sms_inbound").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void theSameSignedRequestAgainIsRefusedAndARedeliveredMessageIdStoresNothingNew() {
        agree(ALICE, false);
        String conversation = demo.startAsPatient(ALICE, "Dr. Patel", "Twice", "First");
        Map<String, String> fields = text(ALICE_PHONE, "Only once, please");
        String body = form(fields);
        long now = clock.instant().getEpochSecond();
        String signature = sign(body, now);
        assertThat(deliver(body, signature, now).status()).isEqualTo(200);

        Api.Response replay = deliver(body, signature, now);
        assertThat(replay.status()).as("the same signed request").isEqualTo(409);
        assertThat(replay.contentType()).startsWith("application/problem+json");

        // The gateway delivers the same message again, signed anew a little later: 200, nothing new.
        clock.advance(Duration.ofSeconds(20));
        long later = clock.instant().getEpochSecond();
        Api.Response again = deliver(body, sign(body, later), later);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("status").asString()).isEqualTo("duplicate");
        assertThat(jdbc.sql("select count(*) from sms_inbound where gateway_id = :sid")
                .param("sid", fields.get("MessageSid")).query(Long.class).single()).isEqualTo(1);

        settle(() -> inboundDone(fields.get("MessageSid")) == 1);
        JsonNode items = demo.messages(ALICE, conversation);
        assertThat(items.findValues("body").stream().filter(b -> b.asString().equals("Only once, please")).count())
                .isEqualTo(1);
    }

    @Test
    void stopAndAltoStopTextsStartResumesAndHelpAnswersEachAuditedAndConfirmed() {
        Instant since = clock.instant();
        agree(ALICE, true);
        agree(BOB, false);
        api.put("/api/v1/me/notification-preferences").token(demo.token(ALICE)).json(Map.of("channel", "sms")).send();

        Map<String, String> stop = text(ALICE_PHONE, " Stop ");
        assertThat(deliver(stop).status()).isEqualTo(200);
        settle(() -> sentTo(ALICE_PHONE).size() == 1);
        assertThat(sentTo(ALICE_PHONE).get(0).get("Body")).contains("no more text messages").contains("START");
        assertThat(sentTo(ALICE_PHONE).get(0).get("From")).isEqualTo(NUMBER);
        JsonNode consent = api.get("/api/v1/me/text-consent").token(demo.token(ALICE)).send().json();
        assertThat(consent.get("stopped").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/me/notification-preferences").token(demo.token(ALICE)).send().json()
                .get("channel").asString()).isEqualTo("email");
        assertThat(audited("sms.stopped", since)).isEqualTo(1);

        // After STOP, a text gets nothing back and is not kept.
        Map<String, String> after = text(ALICE_PHONE, "are you there?");
        deliver(after);
        settle(() -> inboundDone(after.get("MessageSid")) == 1);
        assertThat(sentTo(ALICE_PHONE)).hasSize(1);

        Map<String, String> start = text(ALICE_PHONE, "START");
        deliver(start);
        settle(() -> sentTo(ALICE_PHONE).size() == 2);
        assertThat(sentTo(ALICE_PHONE).get(1).get("Body")).contains("again");
        assertThat(api.get("/api/v1/me/text-consent").token(demo.token(ALICE)).send().json().get("stopped").asBoolean())
                .isFalse();
        assertThat(api.get("/api/v1/me/notification-preferences").token(demo.token(ALICE)).send().json()
                .get("channel").asString()).isEqualTo("sms");
        assertThat(audited("sms.restarted", since)).isEqualTo(1);

        Map<String, String> help = text(ALICE_PHONE, "help");
        deliver(help);
        settle(() -> sentTo(ALICE_PHONE).size() == 3);
        assertThat(sentTo(ALICE_PHONE).get(2).get("Body")).contains("Riverside Family Medicine").contains("911");
        assertThat(audited("sms.help", since)).isEqualTo(1);

        // Spanish: the confirmation in Spanish.
        Map<String, String> alto = text(BOB_PHONE, "ALTO");
        deliver(alto);
        settle(() -> sentTo(BOB_PHONE).size() == 1);
        assertThat(sentTo(BOB_PHONE).get(0).get("Body")).contains("No recibirá más mensajes de texto");
        assertThat(api.get("/api/v1/me/text-consent").token(demo.token(BOB)).send().json().get("stopped").asBoolean())
                .isTrue();
        Map<String, String> ayuda = text(BOB_PHONE, "AYUDA");
        deliver(ayuda);
        settle(() -> sentTo(BOB_PHONE).size() == 2);
        assertThat(sentTo(BOB_PHONE).get(1).get("Body")).contains("Llámenos");
        Map<String, String> comenzar = text(BOB_PHONE, "COMENZAR");
        deliver(comenzar);
        settle(() -> sentTo(BOB_PHONE).size() == 3);
        assertThat(sentTo(BOB_PHONE).get(2).get("Body")).contains("Volverá a recibir");
        assertThat(audited("sms.stopped", since)).isEqualTo(2);
    }

    @Test
    void anUnknownNumberGetsTheFixedAnswerAndNothingIsKept() {
        String stranger = "+15555550177";
        long messages = jdbc.sql("select count(*) from message").query(Long.class).single();
        Map<String, String> fields = text(stranger, "Hi, is this the clinic? My name is Eve");
        assertThat(deliver(fields).status()).isEqualTo(200);
        settle(() -> sentTo(stranger).size() == 1);
        assertThat(sentTo(stranger).get(0).get("Body")).contains("Riverside Family Medicine").contains("call us")
                .contains("was not kept");
        assertThat(jdbc.sql("select count(*) from message").query(Long.class).single()).isEqualTo(messages);
        settle(() -> jdbc.sql("select count(*) from sms_inbound where gateway_id = :sid and content_ciphertext is null")
                .param("sid", fields.get("MessageSid")).query(Long.class).single() == 1);

        // A stranger's STOP keeps a keyed hash only, and afterwards nothing more goes to the number.
        deliver(text(stranger, "STOP"));
        settle(() -> sentTo(stranger).size() == 2);
        assertThat(jdbc.sql("select count(*) from sms_opt_out").query(Long.class).single()).isEqualTo(1);
        Map<String, String> again = text(stranger, "hello?");
        deliver(again);
        settle(() -> inboundDone(again.get("MessageSid")) == 1);
        dispatcher.dispatchDue();
        assertThat(sentTo(stranger)).hasSize(2);
    }

    @Test
    void aFirstTextFromAPatientWithNoConversationGoesToTheirOwnPhysician() {
        var practice = demo.actor(RIVERSIDE_ADMIN).practiceId();
        String phone = "+15555550155";
        Map<String, Object> record = new java.util.HashMap<>();
        record.put("externalId", "SMS-" + UUID.randomUUID().toString().substring(0, 8));
        record.put("givenName", "Tess");
        record.put("familyName", "Texter");
        record.put("birthDate", "1952-04-09");
        record.put("sex", "female");
        record.put("language", "en");
        record.put("phone", phone);
        Api.Response added = api.post("/api/v1/patients").token(demo.token(RIVERSIDE_ADMIN)).json(record).send();
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        var patient = new io.bedside.shared.PatientId(UUID.fromString(added.json().get("id").asString()));
        var patel = new io.bedside.shared.UserId(UUID.fromString(demo.me(PATEL).get("id").asString()));
        patients.setPrimaryProvider(practice, patient, patel);
        String email = "tess-" + UUID.randomUUID().toString().substring(0, 8) + "@patients.example";
        accounts.createPatientAccount(practice, patient, email, "lantern river cobalt");
        String token = api.post("/api/v1/auth/token").json(Map.of("username", email, "password", "lantern river cobalt"))
                .send().json().get("token").asString();
        assertThat(api.put("/api/v1/me/text-consent").token(token).json(Map.of("texting", true)).send().status())
                .isEqualTo(200);
        try {
            assertThat(deliver(text(phone, "Can I get my flu shot this week?")).status()).isEqualTo(200);
            settle(() -> api.get("/api/v1/conversations").token(token).send().json().get("items").size() == 1);
            var conversation = api.get("/api/v1/conversations").token(token).send().json().get("items").get(0);
            assertThat(conversation.get("careTeam").get("name").asString()).startsWith("Dr. Patel");
            assertThat(conversation.get("provider").get("id").asString()).isEqualTo(patel.value().toString());
        } finally {
            api.put("/api/v1/me/text-consent").token(token).json(Map.of("texting", false)).send();
        }
    }

    @Test
    void aStrangerHasTheFixedAnswerOnceADayAndHandledTextsAreSweptAfterTheRetention() {
        String stranger = "+15555550166";
        Map<String, String> first = text(stranger, "Hello?");
        assertThat(deliver(first).status()).isEqualTo(200);
        settle(() -> sentTo(stranger).size() == 1);
        // Again and again the same day: no more answers, at the practice's cost.
        Map<String, String> second = text(stranger, "Hello again?");
        assertThat(deliver(second).status()).isEqualTo(200);
        settle(() -> inboundDone(second.get("MessageSid")) == 1);
        dispatcher.dispatchDue();
        assertThat(sentTo(stranger)).hasSize(1);
        assertThat(jdbc.sql("select count(*) from sms_stranger_reply").query(Long.class).single()).isEqualTo(1);

        // The next day, the answer once more.
        clock.advance(io.bedside.notification.sms.TextConsent.STRANGER_ANSWER_INTERVAL.plusMinutes(1));
        Map<String, String> nextDay = text(stranger, "Anyone there?");
        assertThat(deliver(nextDay).status()).isEqualTo(200);
        settle(() -> sentTo(stranger).size() == 2);

        // Handled texts go after the retention (30 days), the stranger's hashed number after a day.
        clock.advance(Duration.ofDays(31));
        assertThat(sweeper.sweep()).isGreaterThanOrEqualTo(4);
        assertThat(jdbc.sql("select count(*) from sms_inbound where gateway_id in (:ids)")
                .param("ids", List.of(first.get("MessageSid"), second.get("MessageSid"), nextDay.get("MessageSid")))
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from sms_stranger_reply").query(Long.class).single()).isZero();
    }

    @Test
    void aPhotoByMmsLandsAsAnAttachmentAndAFileOfAnotherTypeIsRefused() throws Exception {
        agree(ALICE, false);
        String conversation = demo.startAsPatient(ALICE, "Dr. Patel", "Rash", "Photo follows");
        gateway.stubFor(get(urlEqualTo("/media/photo")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/png").withBody(png())));
        gateway.stubFor(get(urlEqualTo("/media/script")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/png").withBody("#!/bin/sh\nrm -rf /\n")));

        Map<String, String> photo = text(ALICE_PHONE, "");
        photo.put("NumMedia", "1");
        photo.put("MediaUrl0", gateway.baseUrl() + "/media/photo");
        photo.put("MediaContentType0", "image/png");
        deliver(photo);
        settle(() -> inboundDone(photo.get("MessageSid")) == 1);
        JsonNode items = demo.messages(KIM, conversation);
        JsonNode last = items.get(items.size() - 1);
        assertThat(last.get("via").asString()).isEqualTo("sms");
        assertThat(last.get("attachments").get(0).get("contentType").asString()).isEqualTo("image/png");

        Map<String, String> script = text(ALICE_PHONE, "and this");
        script.put("NumMedia", "1");
        script.put("MediaUrl0", gateway.baseUrl() + "/media/script");
        script.put("MediaContentType0", "image/png");
        deliver(script);
        settle(() -> sentTo(ALICE_PHONE).size() == 1);
        assertThat(sentTo(ALICE_PHONE).get(0).get("Body")).contains("could not accept the file");

        // A link to another host is never fetched (the gateway's host only).
        Map<String, String> elsewhere = text(ALICE_PHONE, "look");
        elsewhere.put("NumMedia", "1");
        elsewhere.put("MediaUrl0", gateway.baseUrl().replace("localhost", "127.0.0.1") + "/media/photo");
        deliver(elsewhere);
        settle(() -> sentTo(ALICE_PHONE).size() == 2);
        assertThat(gateway.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith("/media/")).count()).isEqualTo(2);
        assertThat(demo.messages(KIM, conversation).size()).isEqualTo(items.size());
    }

    @Test
    void aReplyGoesInFullOnlyWithThePracticesSettingAndThePatientsAgreementToHealthInformation() {
        Instant since = clock.instant();
        agree(ALICE, true);
        api.put("/api/v1/me/notification-preferences").token(demo.token(ALICE)).json(Map.of("channel", "sms")).send();
        String conversation = demo.startAsPatient(ALICE, "Dr. Patel", "Results", "Any news?");

        // The practice has not turned full text on: the notice only.
        demo.send(KIM, conversation, "Your A1C is 6.1, FULLTEXT-1");
        clock.advance(Duration.ofMinutes(3));
        settle(() -> sentTo(ALICE_PHONE).size() == 1);
        assertThat(sentTo(ALICE_PHONE).get(0).get("Body")).doesNotContain("FULLTEXT-1").contains("Sign in");

        // Turned on, and the patient agreed to health information by text: the reply in full, audited.
        assertThat(api.put("/api/v1/practice/sms").token(demo.token(RIVERSIDE_ADMIN))
                .json(Map.of("phone", NUMBER, "fullText", true)).send().status()).isEqualTo(200);
        demo = new Demo(api);
        demo.send(KIM, conversation, "Your A1C is 6.1, FULLTEXT-2");
        clock.advance(Duration.ofMinutes(3));
        settle(() -> sentTo(ALICE_PHONE).size() == 2);
        assertThat(sentTo(ALICE_PHONE).get(1).get("Body")).contains("FULLTEXT-2").contains("Riverside Family Medicine");
        assertThat(sentTo(ALICE_PHONE).get(1).get("From")).isEqualTo(NUMBER);
        assertThat(audited("message.sms-disclosed", since)).isEqualTo(1);

        // Agreement to texting alone is not enough.
        agree(ALICE, false);
        demo = new Demo(api);
        demo.send(KIM, conversation, "Your A1C is 6.1, FULLTEXT-3");
        clock.advance(Duration.ofMinutes(3));
        settle(() -> sentTo(ALICE_PHONE).size() == 3);
        assertThat(sentTo(ALICE_PHONE).get(2).get("Body")).doesNotContain("FULLTEXT-3");
    }

    @Test
    void theConsentRecordsTheTimeAndTheExactWordsShownInThePatientsLanguage() {
        Api.Response r = api.put("/api/v1/me/text-consent").token(demo.token(BOB)).header("Accept-Language", "es")
                .json(Map.of("texting", true, "healthInformation", true)).send();
        assertThat(r.status()).isEqualTo(200);
        JsonNode consent = r.json();
        assertThat(consent.get("textingAt")).isNotNull();
        assertThat(consent.get("healthInformationWords").asString()).contains("no están cifrados");
        assertThat(api.get("/api/v1/me/text-consent").token(demo.token(ALICE)).send().json()
                .get("wording").get("healthInformation").asString()).contains("not encrypted");

        Api.Response healthAlone = api.put("/api/v1/me/text-consent").token(demo.token(ALICE))
                .json(Map.of("texting", false, "healthInformation", true)).send();
        assertThat(healthAlone.status()).isEqualTo(400);
        assertThat(healthAlone.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/me/text-consent").token(demo.token(KIM)).send().status()).isEqualTo(404);
    }

    @Test
    void onlyPracticeAdminsConnectANumberAndBadInputIsAProblem() {
        assertThat(api.get("/api/v1/practice/sms").token(demo.token(KIM)).send().status()).isEqualTo(403);
        assertThat(api.get("/api/v1/practice/sms").token(demo.token(ALICE)).send().status()).isIn(403, 404);
        JsonNode settings = api.get("/api/v1/practice/sms").token(demo.token(RIVERSIDE_ADMIN)).send().json();
        assertThat(settings.get("phone").asString()).isEqualTo(NUMBER);
        assertThat(settings.get("secret") == null || settings.get("secret").isNull()).as("never shown again").isTrue();
        assertThat(settings.get("webhookUrl").asString()).isEqualTo(WEBHOOK);

        Api.Response bad = api.put("/api/v1/practice/sms").token(demo.token(RIVERSIDE_ADMIN))
                .json(Map.of("phone", "555-0199")).send();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        Api.Response taken = api.put("/api/v1/practice/sms").token(demo.token(LAKESIDE_ADMIN))
                .json(Map.of("phone", NUMBER)).send();
        assertThat(taken.status()).as("another practice's number").isEqualTo(409);
        assertThat(jdbc.sql("select secret_ciphertext from sms_number where phone = :phone").param("phone", NUMBER)
                .query(byte[].class).single()).isNotEqualTo(secret.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void thePatientAgreesOnTheSettingsPageWithTheWordsShown() {
        io.bedside.support.PageSession alice = io.bedside.support.PageSession.signedIn(api.base(), ALICE);
        var page = alice.get("/app/settings/notifications");
        assertThat(page.body()).contains("text messages are not encrypted");
        var saved = alice.post("/app/settings/text-consent", Map.of("texting", "yes", "healthInformation", "yes"));
        assertThat(saved.status()).isEqualTo(302);
        JsonNode consent = api.get("/api/v1/me/text-consent").token(demo.token(ALICE)).send().json();
        assertThat(consent.get("texting").asBoolean()).isTrue();
        assertThat(consent.get("healthInformationWords").asString()).contains("not encrypted");
        assertThat(consent.get("textingWords").asString()).contains("STOP");
        assertThat(alice.post("/app/settings/text-consent", Map.of("healthInformation", "yes")).status())
                .as("health information needs texting").isEqualTo(400);
    }
}
