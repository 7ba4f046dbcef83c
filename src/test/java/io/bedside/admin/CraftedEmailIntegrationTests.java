package io.bedside.admin;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.KIM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;

/**
 * An email address crafted to make a backtracking pattern take quadratic time (about 200 KB of
 * "a." ending in a second "@", which took the old pattern seconds) is refused with a clear 400 on
 * every path that takes an email. The timeout guards against a hang; it is no speed target.
 */
class CraftedEmailIntegrationTests extends ApplicationTest {

    private static final String CRAFTED = "a@" + "a.".repeat(100_000) + "@";
    private static final Duration HANG = Duration.ofSeconds(5);

    @Test
    void staffAddingAPatientWithACraftedEmailGetAClear400() {
        Api.Response answer = assertTimeoutPreemptively(HANG, () -> api.post("/api/v1/patients")
                .token(demo.token(KIM)).json(Map.of("externalId", "CRAFTED-1", "givenName", "Dana",
                        "familyName", "Okafor", "birthDate", "1971-04-02", "email", CRAFTED)).send());

        assertRefusedNaming(answer, "email");
        assertThat(jdbc.sql("select count(*) from patient where external_id = 'CRAFTED-1'").query(Long.class).single())
                .isZero();
    }

    @Test
    void aPatientChangingTheirEmailToACraftedOneGetsAClear400() {
        Api.Response answer = assertTimeoutPreemptively(HANG, () -> api.patch("/api/v1/me/profile")
                .token(demo.token(ALICE)).json(Map.of("email", CRAFTED)).send());

        assertRefusedNaming(answer, "email");
    }

    private static void assertRefusedNaming(Api.Response answer, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }
}
