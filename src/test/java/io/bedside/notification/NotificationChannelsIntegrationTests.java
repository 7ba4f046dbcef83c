package io.bedside.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.BOB;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.micrometer.core.instrument.MeterRegistry;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;

import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import io.bedside.support.Demo;
import io.bedside.support.MovableClock;
import io.bedside.support.PageSession;
import io.bedside.support.TestSmtp;

/**
 * Real delivery: email over SMTP to GreenMail, text messages over HTTP to a WireMock gateway;
 * retries with back-off, failure after the last attempt, and no health information on any channel.
 */
@Import(MovableClock.Config.class)
@BothDatabases
class NotificationChannelsIntegrationTests extends ApplicationTest {

    private static final String MARKER = "PHI-MARKER-c91e";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    static WireMockServer gateway = LiveChannels.GATEWAY;

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry registry) {
        LiveChannels.register(registry, "/2010-04-01/Accounts/AC1/Messages.json");
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
    MeterRegistry meters;

    /** An operator's failure counter (docs/operations.md, "Metrics"): channel and outcome, no patient. */
    private double failures(String outcome) {
        var counter = meters.find("bedside.notifications.failures").tag("channel", "sms").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @BeforeEach
    void reset() {
        clock.set(Instant.now());
        gateway.resetAll();
        gateway.stubFor(post(urlEqualTo("/2010-04-01/Accounts/AC1/Messages.json"))
                .willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"SM1\"}")));
        jdbc.sql("delete from notification where status in ('pending', 'sending')").update();
    }

    @AfterEach
    void emailAgain() {
        clock.set(Instant.now());
        Demo fresh = new Demo(api);
        api.put("/api/v1/me/notification-preferences").token(fresh.token(BOB)).json(Map.of("channel", "email")).send();
    }

    private void later(Duration duration) {
        clock.advance(duration);
        demo = new Demo(api);
    }

    @Test
    void aPatientGetsARealEmailThatSaysOnlyThatThereIsAMessage() throws Exception {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Subject " + MARKER, "Body " + MARKER);
        demo.send(KIM, id, "An answer with " + MARKER);
        later(Duration.ofMinutes(3));
        dispatcher.dispatchDue();

        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage email = smtp.getReceivedMessages()[smtp.getReceivedMessages().length - 1];
        assertThat(email.getAllRecipients()[0].toString()).isEqualTo(ALICE);
        assertThat(email.getSubject()).isEqualTo("New secure message from Riverside Family Medicine");
        String body = GreenMailUtil.getBody(email);
        assertThat(body).contains("https://bedside.example.org/login").doesNotContain(MARKER).doesNotContain("Kim");
        assertThat(email.getHeader("List-Unsubscribe")[0]).startsWith("<https://bedside.example.org/unsubscribe/");
        assertThat(email.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(email.getMessageID()).endsWith("@notification.bedside>");
        for (MimeMessage any : smtp.getReceivedMessages()) {
            assertThat(GreenMailUtil.getWholeMessage(any)).doesNotContain(MARKER);
        }

        // The header's link works without signing in, as a mail program's one-click POST.
        String link = email.getHeader("List-Unsubscribe")[0].replace("<https://bedside.example.org", "").replace(">", "");
        assertThat(new PageSession(api.base()).post(link, Map.of("List-Unsubscribe", "One-Click")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/me/notification-preferences").token(demo.token(ALICE)).send().json()
                .get("channel").asString()).isEqualTo("none");
        api.put("/api/v1/me/notification-preferences").token(demo.token(ALICE)).json(Map.of("channel", "email")).send();
    }

    @Test
    void aPatientWhoChoseTextMessagesGetsOneThroughTheGateway() {
        assertThat(api.put("/api/v1/me/notification-preferences").token(demo.token(BOB))
                .json(Map.of("channel", "sms")).send().status()).isEqualTo(200);
        String id = demo.startAsPatient(BOB, "Dr. Patel", "Asunto " + MARKER, "Texto " + MARKER);
        demo.send(KIM, id, "Respuesta " + MARKER);
        later(Duration.ofMinutes(3));
        dispatcher.dispatchDue();

        gateway.verify(1, postRequestedFor(urlEqualTo("/2010-04-01/Accounts/AC1/Messages.json"))
                .withHeader("Authorization", equalTo("Basic QUMxOnNlY3JldA=="))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("To=%2B15555550102")));
        var request = gateway.getAllServeEvents().get(0).getRequest();
        String form = java.net.URLDecoder.decode(request.getBodyAsString(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(form).contains("Tiene un nuevo mensaje seguro de Riverside Family Medicine")
                .doesNotContain(MARKER).doesNotContain("Bob");
        String key = request.getHeader("Idempotency-Key");
        assertThat(jdbc.sql("select status from notification where id = :id").param("id", UUID.fromString(key))
                .query(String.class).single()).isEqualTo("sent");
    }

    @Test
    void aFailingGatewayIsRetriedWithBackOffThenTheNoticeIsMarkedFailedForAdmins() {
        gateway.resetAll();
        gateway.stubFor(post(urlEqualTo("/2010-04-01/Accounts/AC1/Messages.json")).willReturn(aResponse().withStatus(503)));
        api.put("/api/v1/me/notification-preferences").token(demo.token(BOB)).json(Map.of("channel", "sms")).send();
        double retryingBefore = failures("retrying");
        double failedBefore = failures("failed");
        String id = demo.startAsPatient(BOB, "Dr. Patel", "Reintento", "Hola");
        demo.send(KIM, id, "Respuesta");
        later(Duration.ofMinutes(3));
        dispatcher.dispatchDue();
        assertThat(status(id)).isEqualTo("pending");
        dispatcher.dispatchDue();
        assertThat(gateway.getAllServeEvents()).as("not before the back-off").hasSize(1);
        later(Duration.ofSeconds(31));
        dispatcher.dispatchDue();
        assertThat(gateway.getAllServeEvents()).hasSize(2);
        later(Duration.ofSeconds(61));
        dispatcher.dispatchDue();
        assertThat(gateway.getAllServeEvents()).hasSize(3);
        assertThat(status(id)).isEqualTo("failed");
        assertThat(failures("retrying") - retryingBefore).as("two attempts to be tried again").isEqualTo(2);
        assertThat(failures("failed") - failedBefore).as("the last attempt gave up").isEqualTo(1);
        later(Duration.ofHours(2));
        dispatcher.dispatchDue();
        assertThat(gateway.getAllServeEvents()).hasSize(3);

        var page = PageSession.signedIn(api.base(), RIVERSIDE_ADMIN).get("/app/admin/notifications");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("The SMS gateway answered 503").contains("new message to a patient");
    }

    private String status(String conversation) {
        return jdbc.sql("select status from notification where conversation_id = :c and kind = 'NEW_MESSAGE'")
                .param("c", UUID.fromString(conversation)).query(String.class).single();
    }
}
