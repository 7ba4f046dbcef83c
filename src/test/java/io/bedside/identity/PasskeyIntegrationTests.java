package io.bedside.identity;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.BOB;
import static io.bedside.support.Demo.KIM;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.bedside.identity.internal.Passkeys;
import io.bedside.shared.NotFoundException;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import io.bedside.support.PageSession;
import io.bedside.support.TestPasskeys;

/**
 * The HTTP side of passkeys (the browser side, with a real authenticator, is PasskeyBrowserTests):
 * the WebAuthn endpoints' rules, the settings page's scoping to the account, the audit rows and the
 * CredentialChanged event that tells the owner's email.
 */
@BothDatabases
@RecordApplicationEvents
class PasskeyIntegrationTests extends ApplicationTest {

    @Autowired
    Passkeys passkeys;

    @Autowired
    ApplicationEvents events;

    @Autowired
    Accounts accounts;

    @Autowired
    AccountClosures closures;

    @Test
    void makingAPasskeyNeedsASignedInSessionAndAsksForUserVerification() {
        PageSession anonymous = new PageSession(api.base());
        anonymous.get("/login");
        assertThat(anonymous.postJson("/webauthn/register/options", "").status()).isEqualTo(400);
        assertThat(new PageSession(api.base()).postJson("/webauthn/register/options", "").status())
                .as("no CSRF token").isEqualTo(403);

        PageSession alice = PageSession.signedIn(api.base(), ALICE);
        alice.get("/app/settings/passkeys");
        PageSession.Page options = alice.postJson("/webauthn/register/options", "");
        assertThat(options.status()).isEqualTo(200);
        assertThat(options.body()).contains("\"userVerification\":\"required\"", "\"residentKey\":\"required\"",
                "\"id\":\"localhost\"", "\"name\":\"" + ALICE + "\"");
        // The user handle is random, never the account id.
        assertThat(options.body()).doesNotContain(demo.actor(ALICE).userId().toString());
    }

    @Test
    void signInOptionsAskForUserVerificationAndAForgedAssertionIsRefused() {
        var seeded = TestPasskeys.seed(jdbc, demo.actor(ALICE), "Alice's phone");
        try {
            PageSession stranger = new PageSession(api.base());
            stranger.get("/login");
            PageSession.Page options = stranger.postJson("/webauthn/authenticate/options", "");
            assertThat(options.status()).isEqualTo(200);
            assertThat(options.body()).contains("\"userVerification\":\"required\"", "\"rpId\":\"localhost\"");
            String forged = """
                    {"id":"%1$s","rawId":"%1$s","type":"public-key",
                     "response":{"authenticatorData":"SZYN5YgOjGh0NBcPZHZgW4_krrmihjLHmVzzuoMdl2MFAAAAAQ",
                       "clientDataJSON":"eyJ0eXBlIjoid2ViYXV0aG4uZ2V0In0","signature":"MEUCIQ","userHandle":"AAAA"},
                     "clientExtensionResults":{}}""".formatted(seeded.credentialId());
            PageSession.Page answer = stranger.postJson("/login/webauthn", forged);
            assertThat(answer.status()).isEqualTo(401);
            assertThat(stranger.get("/app/conversations").status()).as("still signed out").isNotEqualTo(200);
        } finally {
            TestPasskeys.delete(jdbc, seeded.id());
        }
    }

    @Test
    void theOwnerRenamesAndRemovesAPasskeyAnotherAccountGetsNotFoundAndSpringsDeleteIsClosed() {
        var alice = demo.actor(ALICE);
        var seeded = TestPasskeys.seed(jdbc, alice, "Old phone");
        try {
            PageSession bob = PageSession.signedIn(api.base(), BOB);
            bob.get("/app/settings/passkeys");
            assertThat(bob.post("/app/settings/passkeys/" + seeded.id() + "/remove", Map.of()).status()).isEqualTo(404);
            assertThat(bob.post("/app/settings/passkeys/not-an-id/remove", Map.of()).status()).isEqualTo(404);
            assertThat(bob.delete("/webauthn/register/" + seeded.credentialId()).status()).isEqualTo(403);

            PageSession owner = PageSession.signedIn(api.base(), ALICE);
            assertThat(owner.get("/app/settings/passkeys").body()).contains("Old phone");
            assertThat(owner.delete("/webauthn/register/" + seeded.credentialId()).status()).as("only the page removes")
                    .isEqualTo(403);
            owner.get("/app/settings/passkeys");
            assertThat(owner.post("/app/settings/passkeys/" + seeded.id() + "/rename", Map.of("label", "  ")).status())
                    .isEqualTo(400);
            assertThat(owner.post("/app/settings/passkeys/" + seeded.id() + "/rename", Map.of("label", "Kitchen tablet"))
                    .location()).endsWith("/app/settings/passkeys?renamed");
            assertThat(owner.get("/app/settings/passkeys").body()).contains("Kitchen tablet");
            assertThat(owner.post("/app/settings/passkeys/" + seeded.id() + "/remove", Map.of()).location())
                    .endsWith("/app/settings/passkeys?removed");
            assertThat(jdbc.sql("select count(*) from passkey where id = :id").param("id", seeded.id()).query(Long.class)
                    .single()).isZero();
            assertThat(audited("passkey.removed", seeded.id())).isEqualTo(1);
            assertThat(audited("passkey.renamed", seeded.id())).isEqualTo(1);
        } finally {
            TestPasskeys.delete(jdbc, seeded.id());
        }
    }

    @Test
    void removingAPasskeyTellsTheOwnersEmailInTheTransaction() {
        var kim = demo.actor(KIM);
        var seeded = TestPasskeys.seed(jdbc, kim, "Ward laptop");
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> passkeys.remove(demo.actor(ALICE), seeded.id()))
                    .isInstanceOf(NotFoundException.class);
            assertThat(events.stream(CredentialChanged.class)).isEmpty();
            passkeys.remove(kim, seeded.id());
            assertThat(events.stream(CredentialChanged.class)).singleElement().satisfies(e -> {
                assertThat(e.userId()).isEqualTo(kim.userId());
                assertThat(e.practiceId()).isEqualTo(kim.practiceId());
                assertThat(e.change()).isEqualTo(CredentialChange.PASSKEY_REMOVED);
            });
            assertThat(audited("passkey.removed", seeded.id())).isEqualTo(1);
        } finally {
            TestPasskeys.delete(jdbc, seeded.id());
        }
    }

    @Test
    void closingAPatientsAccountRemovesItsPasskeys() {
        var kim = demo.actor(KIM);
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("externalId", "PK-" + UUID.randomUUID().toString().substring(0, 8));
        body.put("givenName", "Pat");
        body.put("familyName", "Key");
        body.put("birthDate", "1980-01-02");
        body.put("sex", "female");
        body.put("language", "en");
        var added = api.post("/api/v1/patients").token(demo.token(KIM)).json(body).send();
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        var patient = new io.bedside.shared.PatientId(UUID.fromString(added.json().get("id").asString()));
        var user = accounts.createPatientAccount(kim.practiceId(), patient,
                "pk-" + UUID.randomUUID().toString().substring(0, 8) + "@patients.example", "lantern river cobalt");
        var owner = new io.bedside.shared.Actor(user, kim.practiceId(), io.bedside.shared.Actor.Kind.PATIENT,
                java.util.Set.of(), patient);
        var seeded = TestPasskeys.seed(jdbc, owner, "Pat's phone");
        closures.close(kim.practiceId(), patient);
        assertThat(jdbc.sql("select count(*) from passkey where user_id = :u").param("u", user.value())
                .query(Long.class).single()).isZero();
        assertThat(passkeys.list(owner)).isEmpty();
        TestPasskeys.delete(jdbc, seeded.id());
    }

    private long audited(String action, UUID passkey) {
        return jdbc.sql("select count(*) from audit_event where action = :a and target_id = :t")
                .param("a", action).param("t", passkey.toString()).query(Long.class).single();
    }
}
