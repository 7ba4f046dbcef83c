package io.bedside.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/** Signing in for a token, using it, and revoking it, through HTTP. */
@BothDatabases
class AuthTokenApiIntegrationTests extends ApplicationTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void signInReturnsARandomTokenThatExpiresInTwelveHours() {
        Api.Response response = api.post("/api/v1/auth/token")
                .json(Map.of("username", "alice@patients.example", "password", "demo-password")).send();

        assertThat(response.status()).isEqualTo(200);
        String token = response.json().get("token").asString();
        assertThat(java.util.Base64.getUrlDecoder().decode(token)).hasSizeGreaterThanOrEqualTo(32);
        Instant expiresAt = Instant.parse(response.json().get("expiresAt").asString());
        assertThat(expiresAt).isBetween(Instant.now().plusSeconds(12 * 3600 - 60), Instant.now().plusSeconds(12 * 3600 + 60));
    }

    @Test
    void tokenIsStoredOnlyAsItsHash() {
        String token = tokenFor("bob@patients.example");

        long plain = jdbc.sql("select count(*) from api_token where token_hash = :t").param("t", token)
                .query(Long.class).single();
        assertThat(plain).isZero();
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = :h")
                .param("h", io.bedside.identity.internal.TokenHashes.sha256(token)).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void usernameIsCaseInsensitive() {
        assertThat(api.signIn("  Alice@Patients.Example ", "demo-password")).isNotBlank();
    }

    @Test
    void meDescribesAPatient() {
        JsonNode me = api.get("/api/v1/me").token(tokenFor("alice@patients.example")).send().json();

        assertThat(me.get("kind").asString()).isEqualTo("patient");
        assertThat(me.get("displayName").asString()).isEqualTo("Alice Walker");
        assertThat(me.get("practice").get("name").asString()).isEqualTo("Riverside Family Medicine");
        assertThat(me.get("roles")).isEmpty();
        assertThat(me.get("patientId").asString()).isNotBlank();
        assertThat(UUID.fromString(me.get("id").asString())).isNotNull();
    }

    @Test
    void meDescribesStaffWithTheirRoles() {
        JsonNode patel = api.get("/api/v1/me").token(tokenFor("dr.patel@riverside.example")).send().json();
        assertThat(patel.get("kind").asString()).isEqualTo("staff");
        assertThat(patel.get("displayName").asString()).isEqualTo("Dr. Priya Patel");
        assertThat(patel.get("roles").get(0).asString()).isEqualTo("physician");
        assertThat(patel.has("patientId")).isFalse();

        JsonNode admin = api.get("/api/v1/me").token(tokenFor("admin@lakeside.example")).send().json();
        assertThat(admin.get("practice").get("name").asString()).isEqualTo("Lakeside Pediatrics");
        assertThat(admin.get("roles").get(0).asString()).isEqualTo("practice_admin");
    }

    @Test
    void patientSeesTheCareTeamsOfTheirOwnPracticeOnly() {
        JsonNode teams = api.get("/api/v1/care-teams").token(tokenFor("alice@patients.example")).send().json()
                .get("items");

        assertThat(teams).extracting(t -> t.get("name").asString())
                .containsExactlyInAnyOrder("Dr. Patel's team", "Billing & front desk");
        JsonNode patelTeam = teams.valueStream().filter(t -> t.get("name").asString().startsWith("Dr. Patel"))
                .findFirst().orElseThrow();
        assertThat(patelTeam.get("expectedResponseHours").asInt()).isEqualTo(24);
        assertThat(patelTeam.get("members")).extracting(m -> m.get("displayName").asString())
                .containsExactly("Dr. Priya Patel", "Jenny Kim, RN");

        JsonNode carols = api.get("/api/v1/care-teams").token(tokenFor("carol@patients.example")).send().json()
                .get("items");
        assertThat(carols).extracting(t -> t.get("name").asString()).containsExactly("Pediatrics");
    }

    @Test
    void staffSeeTheCareTeamsTheyBelongTo() {
        JsonNode kims = api.get("/api/v1/care-teams").token(tokenFor("nurse.kim@riverside.example")).send().json()
                .get("items");
        assertThat(kims).extracting(t -> t.get("name").asString()).containsExactly("Dr. Patel's team");

        JsonNode admins = api.get("/api/v1/care-teams").token(tokenFor("admin@riverside.example")).send().json()
                .get("items");
        assertThat(admins).extracting(t -> t.get("name").asString()).containsExactly("Billing & front desk");
    }

    @Test
    void revokedTokenNoLongerWorks() {
        String token = tokenFor("alice@patients.example");
        assertThat(api.get("/api/v1/me").token(token).send().status()).isEqualTo(200);

        assertThat(api.delete("/api/v1/auth/token").token(token).send().status()).isEqualTo(204);

        Api.Response after = api.get("/api/v1/me").token(token).send();
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.contentType()).startsWith("application/problem+json");
        // Other tokens of the same user are untouched.
        assertThat(api.get("/api/v1/me").token(tokenFor("alice@patients.example")).send().status()).isEqualTo(200);
    }

    @Test
    void expiredTokenNoLongerWorks() {
        String token = tokenFor("bob@patients.example");
        jdbc.sql("update api_token set expires_at = :past where token_hash = :h")
                .param("past", java.time.OffsetDateTime.now().minusMinutes(1))
                .param("h", io.bedside.identity.internal.TokenHashes.sha256(token)).update();

        assertThat(api.get("/api/v1/me").token(token).send().status()).isEqualTo(401);
    }

    @Test
    void unknownOrMissingTokenIsUnauthorized() {
        Api.Response forged = api.get("/api/v1/me").token("not-a-token").send();
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.header("WWW-Authenticate")).startsWith("Bearer");

        Api.Response missing = api.get("/api/v1/care-teams").send();
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.contentType()).startsWith("application/problem+json");
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSameAnswerAfterTheSameWork() {
        double before = checks();
        Api.Response unknown = api.post("/api/v1/auth/token")
                .json(Map.of("username", "nobody-" + UUID.randomUUID() + "@example.org", "password", "demo-password"))
                .send();
        double afterUnknown = checks();
        Api.Response wrong = api.post("/api/v1/auth/token")
                .json(Map.of("username", "dr.lee@lakeside.example", "password", "not-the-password")).send();
        double afterWrong = checks();

        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(wrong.body());
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        // Both paths verify exactly one Argon2 hash: an unknown user is checked against a dummy.
        assertThat(afterUnknown - before).isEqualTo(1.0);
        assertThat(afterWrong - afterUnknown).isEqualTo(1.0);
    }

    @Test
    void missingFieldsAreABadRequestNamingTheField() {
        Api.Response response = api.post("/api/v1/auth/token").json(Map.of("username", "alice@patients.example"))
                .send();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
    }

    private double checks() {
        return meters.counter("bedside.auth.password.checks").count();
    }
}
