package io.bedside.workflow;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.LEE;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/urgent-phrases}: the caller's practice's phrases, for the check while typing. */
@BothDatabases
class UrgentPhrasesApiIntegrationTests extends ApplicationTest {

    @Autowired
    UrgentPhrases urgentPhrases;

    private static List<String> phrases(JsonNode json) {
        List<String> found = new ArrayList<>();
        json.get("phrases").forEach(p -> found.add(p.asString()));
        return found;
    }

    @Test
    void anySignedInUserGetsTheirPracticesPhrasesOnlyAndBrieflyCached() {
        assertThat(api.get("/api/v1/urgent-phrases").send().status()).isEqualTo(401);
        assertThat(api.get("/api/v1/urgent-phrases").token("not-a-token").send().status()).isEqualTo(401);

        var patient = api.get("/api/v1/urgent-phrases").token(demo.token(ALICE)).send();
        assertThat(patient.status()).isEqualTo(200);
        assertThat(patient.header("Cache-Control")).contains("private").contains("max-age=60")
                .doesNotContain("no-store");
        JsonNode json = patient.json();
        assertThat(phrases(json)).containsAll(UrgentWords.DEFAULTS).contains("chest pain", "me duele el pecho");
        assertThat(json.get("maxGap").asInt()).isEqualTo(UrgentWords.MAX_GAP);
        assertThat(json.properties()).hasSize(2);

        assertThat(api.get("/api/v1/urgent-phrases").token(demo.token(KIM)).send().status()).isEqualTo(200);

        // A practice's own list replaces the defaults for its people only.
        try {
            urgentPhrases.set(demo.actor(RIVERSIDE_ADMIN), List.of("chest pain", "me duele el pecho", "dolor de muelas"));
            assertThat(phrases(api.get("/api/v1/urgent-phrases").token(demo.token(ALICE)).send().json()))
                    .containsExactlyInAnyOrder("chest pain", "me duele el pecho", "dolor de muelas");
            assertThat(phrases(api.get("/api/v1/urgent-phrases").token(demo.token(LEE)).send().json()))
                    .containsExactlyElementsOf(UrgentWords.DEFAULTS);
        } finally {
            urgentPhrases.set(demo.actor(RIVERSIDE_ADMIN), List.of());
        }
        assertThat(phrases(api.get("/api/v1/urgent-phrases").token(demo.token(ALICE)).send().json()))
                .containsExactlyElementsOf(UrgentWords.DEFAULTS);
    }
}
