package io.bedside;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.BOB;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

import io.bedside.outreach.CampaignSender;
import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import io.bedside.support.SseClient;

/**
 * The operators' metrics (docs/operations.md, "Metrics"): {@code /actuator/prometheus} answers only
 * to the configured bearer token, in Prometheus's text format, with each of Bedside's meters; and
 * nothing in it names a person, an address or a record.
 */
@BothDatabases
@TestPropertySource(properties = "bedside.metrics.token=" + MetricsIntegrationTests.TOKEN)
class MetricsIntegrationTests extends ApplicationTest {

    static final String TOKEN = "metrics-test-token-0123456789abcdef0123456789";

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern UUID_LIKE = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern EMAIL_LIKE = Pattern.compile("[^\\s@\"]+@[^\\s@\"]+\\.[a-zA-Z]{2,}");

    @Autowired
    CampaignSender campaigns;

    private Api.Response scrape() {
        return api.get("/actuator/prometheus").token(TOKEN).send();
    }

    /** One line of the exposition: a name, its labels and a value. */
    private record Sample(String name, Map<String, String> labels, double value) {
    }

    private static List<Sample> samples(String body) {
        List<Sample> samples = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line.strip());
            assertThat(m.matches()).as("a Prometheus sample line: %s", line).isTrue();
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(4))));
        }
        return samples;
    }

    /** The sum of a meter's samples whose labels include the given ones (name=value pairs). */
    private double value(String name, String... labels) {
        Api.Response r = scrape();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return samples(r.body()).stream().filter(s -> s.name().equals(name)).filter(s -> {
            for (int i = 0; i < labels.length; i += 2) {
                if (!labels[i + 1].equals(s.labels().get(labels[i]))) {
                    return false;
                }
            }
            return true;
        }).mapToDouble(Sample::value).sum();
    }

    private double awaitAtLeast(double target, String name, String... labels) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        double seen = value(name, labels);
        while (seen < target && System.nanoTime() < deadline) {
            Thread.sleep(50);
            seen = value(name, labels);
        }
        return seen;
    }

    @Test
    void withoutTheTokenTheEndpointIsRefusedAndHealthStaysOpen() {
        Api.Response none = api.get("/actuator/prometheus").send();
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(none.body()).doesNotContain("bedside_");

        Api.Response wrong = api.get("/actuator/prometheus").token(TOKEN.substring(1) + "x").send();
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain("bedside_");
        assertThat(api.get("/actuator/prometheus").header("Authorization", "Basic " + TOKEN).send().status())
                .isEqualTo(401);
        // A signed-in user's API token is not the metrics token.
        assertThat(api.get("/actuator/prometheus").token(demo.token(RIVERSIDE_ADMIN)).send().status()).isEqualTo(401);
        // Other spellings of the path reach no figures either.
        for (String path : List.of("/actuator/prometheus/", "/actuator/prometheus?format=text", "/Actuator/prometheus",
                "/actuator/prometheus.txt", "/actuator//prometheus", "/actuator/./prometheus", "/actuator/%70rometheus")) {
            Api.Response other = api.get(path).send();
            assertThat(other.body()).as(path).doesNotContain("bedside_");
            assertThat(other.status()).as(path).isNotEqualTo(200);
        }

        assertThat(api.get("/actuator/health").send().status()).isEqualTo(200);
        // Only health and prometheus are exposed: nothing else of the actuator is reachable.
        assertThat(api.get("/actuator/metrics").token(TOKEN).send().status()).isNotEqualTo(200);
        assertThat(api.get("/actuator/env").token(TOKEN).send().status()).isNotEqualTo(200);
    }

    @Test
    void withTheTokenEachMeterIsThereAfterWhatItCounts() throws Exception {
        Api.Response first = scrape();
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.contentType()).startsWith("text/plain");
        double patientStarts = value("bedside_messages_sent_total", "author", "patient", "what", "conversation");
        double staffReplies = value("bedside_messages_sent_total", "author", "staff", "what", "message");
        double staffTimed = value("bedside_messages_send_seconds_count", "author", "staff", "outcome", "sent");
        double refused = value("bedside_messages_send_seconds_count", "author", "patient", "outcome", "refused");
        double failures = value("bedside_signin_failures_total", "method", "password");
        double throttled = value("bedside_signin_throttled_total", "method", "password", "reason", "limit");
        double delivered = value("bedside_live_delivery_seconds_count");
        double targeted = value("bedside_campaigns_targeted_total");
        double campaignSent = value("bedside_campaigns_recipients_total", "outcome", "sent");

        try (SseClient stream = SseClient.open(api, demo.token(KIM), null)) {
            String conversation = demo.startAsPatient(ALICE, "Dr. Patel", "A rash on my arm", "Since Monday");
            assertThat(demo.send(KIM, conversation, "Please send a photo").status()).isEqualTo(201);
            // Someone else's conversation: refused, and timed as refused.
            assertThat(demo.send(BOB, conversation, "Not mine").status()).isEqualTo(404);
            stream.await(e -> e.data().contains(conversation), Duration.ofSeconds(10));

            assertThat(value("bedside_live_streams")).isGreaterThanOrEqualTo(1);
            assertThat(value("bedside_messages_sent_total", "author", "patient", "what", "conversation"))
                    .isEqualTo(patientStarts + 1);
            assertThat(value("bedside_messages_sent_total", "author", "staff", "what", "message"))
                    .isEqualTo(staffReplies + 1);
            assertThat(value("bedside_messages_send_seconds_count", "author", "staff", "outcome", "sent"))
                    .isEqualTo(staffTimed + 1);
            assertThat(value("bedside_messages_send_seconds_count", "author", "patient", "outcome", "refused"))
                    .isEqualTo(refused + 1);
            assertThat(awaitAtLeast(delivered + 2, "bedside_live_delivery_seconds_count"))
                    .isGreaterThanOrEqualTo(delivered + 2);
        }

        // A wrong password, then a username throttled after its ten failures (from an address of its own).
        String address = "198.51.100." + (1 + (int) (Math.random() * 200));
        String nobody = "nobody-" + UUID.randomUUID() + "@example.org";
        assertThat(api.post("/api/v1/auth/token").header("X-Forwarded-For", address)
                .json(Map.of("username", ALICE, "password", "not-the-password")).send().status()).isEqualTo(401);
        int status = 0;
        for (int i = 0; i < 12 && status != 429; i++) {
            status = api.post("/api/v1/auth/token").header("X-Forwarded-For", address)
                    .json(Map.of("username", nobody, "password", "wrong-password-" + i)).send().status();
        }
        assertThat(status).isEqualTo(429);
        assertThat(value("bedside_signin_failures_total", "method", "password")).isGreaterThanOrEqualTo(failures + 11);
        assertThat(value("bedside_signin_throttled_total", "method", "password", "reason", "limit"))
                .isEqualTo(throttled + 1);

        // A campaign to the practice's patients with diabetes (Alice and Bob).
        Map<String, Object> campaign = Map.of("name", "Flu shots for Alice Walker", "careTeamId",
                demo.team(KIM, "Dr. Patel"), "cohort", Map.of("tags", List.of("diabetes")),
                "messages", Map.of("en", "Hi {firstName}, time for a flu shot.", "es", "Hola {firstName}, vacuna."));
        Api.Response created = api.post("/api/v1/campaigns").token(demo.token(RIVERSIDE_ADMIN)).json(campaign).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        campaigns.startDue();
        while (campaigns.send(100) > 0) {
            // until every recipient is written to
        }
        assertThat(value("bedside_campaigns_targeted_total")).isGreaterThanOrEqualTo(targeted + 2);
        assertThat(value("bedside_campaigns_recipients_total", "outcome", "sent")).isGreaterThanOrEqualTo(campaignSent + 2);

        String body = scrape().body();
        for (String name : List.of("bedside_messages_sent_total", "bedside_messages_send_seconds_bucket",
                "bedside_live_delivery_seconds_bucket", "bedside_live_streams", "bedside_notifications_queue_depth",
                "bedside_notifications_queue_oldest_seconds", "bedside_notifications_sent_total",
                "bedside_notifications_failures_total", "bedside_campaigns_targeted_total",
                "bedside_campaigns_recipients_total", "bedside_campaigns_sending", "bedside_signin_failures_total",
                "bedside_signin_throttled_total", "bedside_audit_sealer_lag_seconds",
                "bedside_audit_sealer_pending")) {
            assertThat(body).as(name).contains("\n" + name);
        }
    }

    @Test
    void noLabelNamesAPersonAnAddressOrARecord() {
        List<String> ids = new ArrayList<>();
        String conversation = demo.startAsPatient(BOB, "Dr. Patel", "Dolor de cabeza", "Desde ayer");
        ids.add(conversation);
        demo.send(KIM, conversation, "Gracias");
        demo.send(ALICE, conversation, "Not mine");
        api.post("/api/v1/auth/token").json(Map.of("username", BOB, "password", "wrong-password")).send();
        for (String user : List.of(ALICE, BOB, KIM, RIVERSIDE_ADMIN)) {
            JsonNode me = demo.me(user);
            ids.add(me.get("id").asString());
            for (JsonNode patient : me.path("patients")) {
                ids.add(patient.get("id").asString());
            }
        }
        for (JsonNode item : api.get("/api/v1/conversations").token(demo.token(KIM)).send().json().get("items")) {
            ids.add(item.get("id").asString());
        }

        String body = scrape().body();
        for (String id : ids) {
            assertThat(body).doesNotContain(id);
        }
        for (String words : List.of("alice@", "bob@", "carol@", "maria@", "nurse.kim@", "dr.patel@", "patients.example",
                "riverside.example", "Alice", "Walker", "Bob", "Martinez", "Carol", "Nguyen", "Patel", "Jenny Kim",
                "Dolor de cabeza", "Riverside", "Lakeside")) {
            assertThat(body).as(words).doesNotContain(words);
        }
        for (Sample sample : samples(body)) {
            for (var label : sample.labels().entrySet()) {
                assertThat(label.getValue()).as("%s{%s}", sample.name(), label.getKey())
                        .doesNotContainPattern(UUID_LIKE).doesNotContainPattern(EMAIL_LIKE);
            }
        }
    }
}
