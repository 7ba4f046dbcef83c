package io.bedside.messaging;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.PATEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;
import tools.jackson.databind.JsonNode;

/**
 * What reaches the logs: with Bedside at TRACE and Spring's web and JDBC layers at DEBUG, a whole
 * flow leaves no message text, subject, patient name or date of birth in the output; a ciphertext
 * moved to another row fails loudly but without PHI.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"logging.level.io.bedside=TRACE", "logging.level.org.springframework.web=DEBUG",
        "logging.level.org.springframework.jdbc=DEBUG", "logging.level.org.springframework.security=DEBUG"})
class MessagingLogsIntegrationTests extends ApplicationTest {

    @Test
    void aWholeFlowLogsNoPhi(CapturedOutput output) {
        String marker = "PHI-MARKER-" + UUID.randomUUID();
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Subject " + marker, "Body " + marker);
        demo.send(PATEL, id, "Reply " + marker);
        demo.note(PATEL, id, "Note " + marker);
        api.post("/api/v1/conversations/" + id + "/messages").token(demo.token(ALICE))
                .header("Idempotency-Key", "k-" + marker).json(Map.of("body", "Keyed " + marker)).send();
        api.post("/api/v1/conversations/" + id + "/messages").token(demo.token(ALICE))
                .header("Idempotency-Key", "k-" + marker).json(Map.of("body", "Changed " + marker)).send();
        demo.messages(ALICE, id);
        demo.messages(PATEL, id);
        api.get("/api/v1/conversations").token(demo.token(PATEL)).send();
        api.get("/api/v1/conversations/" + id).token(demo.token(ALICE)).send();
        api.post("/api/v1/conversations/" + id + "/read").token(demo.token(ALICE)).json(Map.of("seq", 2)).send();
        api.get("/api/v1/me").token(demo.token(ALICE)).send();
        api.get("/api/v1/audit").token(demo.token(ALICE)).send();

        assertThat(output.getAll()).isNotEmpty()
                .doesNotContain(marker)
                .doesNotContain("Alice Walker")
                .doesNotContain("Walker")
                .doesNotContain("1985-03-14");
    }

    @Test
    void aCiphertextMovedToAnotherRowIsA500WithACorrelationIdAndNoPhi(CapturedOutput output) {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Moved", "Secret one");
        demo.send(PATEL, id, "Secret two");
        UUID conversation = UUID.fromString(id);
        byte[] first = jdbc.sql("select body_ciphertext from message where conversation_id = :c and seq = 1")
                .param("c", conversation).query(byte[].class).single();
        jdbc.sql("update message set body_ciphertext = :b where conversation_id = :c and seq = 2")
                .param("b", first).param("c", conversation).update();

        Api.Response response = api.get("/api/v1/conversations/" + id + "/messages").token(demo.token(PATEL)).send();

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        String correlationId = problem.get("correlationId").asString();
        assertThat(response.body()).doesNotContain("Secret").doesNotContain("DecryptionFailed");
        assertThat(output.getAll()).contains(correlationId).contains("DecryptionFailedException")
                .doesNotContain("Secret one").doesNotContain("Secret two");
        assertThat(output.getAll().lines().filter(l -> l.contains(correlationId)).filter(l -> l.contains("ERROR")))
                .isNotEmpty();
    }
}
