package io.bedside.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;

import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.bedside.identity.Accounts;
import io.bedside.identity.internal.Passkeys;
import io.bedside.shared.StaffRole;
import io.bedside.support.BrowserTest;
import io.bedside.support.TwoStepCodes;

/**
 * Passkeys in Chromium with its virtual authenticator (CDP WebAuthn domain: an internal platform
 * authenticator with resident keys and user verification). WebAuthn needs a secure context and a
 * domain as relying party, so these pages are opened on http://localhost, not 127.0.0.1.
 */
class PasskeyBrowserTests extends BrowserTest {

    @Autowired
    Passkeys passkeys;

    @Autowired
    Accounts accounts;

    /**
     * Waits until the page's URL ends with {@code path}, by polling the URL: Playwright's waitForURL
     * missed navigations on pages with a virtual authenticator attached.
     */
    private static void waitFor(Page on, String path) {
        assertThat(on).hasURL(java.util.regex.Pattern.compile(".*" + path.replace("?", "\\?") + "$"),
                new com.microsoft.playwright.assertions.PageAssertions.HasURLOptions().setTimeout(20_000));
    }

    private String at(String path) {
        return "http://localhost:" + port + path;
    }

    /** A virtual platform authenticator on this page: it verifies the user and answers at once. */
    private static String addAuthenticator(CDPSession cdp) {
        cdp.send("WebAuthn.enable");
        JsonObject options = new JsonObject();
        options.addProperty("protocol", "ctap2");
        options.addProperty("transport", "internal");
        options.addProperty("hasResidentKey", true);
        options.addProperty("hasUserVerification", true);
        options.addProperty("isUserVerified", true);
        options.addProperty("automaticPresenceSimulation", true);
        JsonObject args = new JsonObject();
        args.add("options", options);
        return cdp.send("WebAuthn.addVirtualAuthenticator", args).get("authenticatorId").getAsString();
    }

    /**
     * The virtual authenticator answers an autofill (conditional) request at once, as if the person
     * picked the passkey: pages that test the button turn autofill off, so only the button asks.
     */
    private static void withoutAutofill(com.microsoft.playwright.BrowserContext on) {
        on.addInitScript("if (window.PublicKeyCredential) {"
                + " PublicKeyCredential.isConditionalMediationAvailable = () => Promise.resolve(false); }");
    }

    private static JsonObject onlyCredential(CDPSession cdp, String authenticator) {
        JsonObject args = new JsonObject();
        args.addProperty("authenticatorId", authenticator);
        return cdp.send("WebAuthn.getCredentials", args).getAsJsonArray("credentials").get(0).getAsJsonObject();
    }

    private static void addCredential(CDPSession cdp, String authenticator, JsonObject credential) {
        JsonObject args = new JsonObject();
        args.addProperty("authenticatorId", authenticator);
        args.add("credential", credential);
        cdp.send("WebAuthn.addCredential", args);
    }

    private void signInWithPassword(String email, String password) {
        page.navigate(at("/login"));
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(password);
        page.locator("form button[type=submit]").click();
    }

    private void addPasskey(String name) {
        page.navigate(at("/app/settings/passkeys"));
        page.getByLabel("Name for this passkey").fill(name);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a passkey on this device")).click();
        waitFor(page, "/app/settings/passkeys?added");
        assertThat(page.locator("[data-passkey]").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText(name))).hasCount(1);
    }

    private void signOut() {
        openMenu(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).first().click();
        waitFor(page, "/login?signedOut");
    }

    private void clickPasskeySignIn() {
        page.navigate(at("/login"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with a passkey")).click();
    }

    @Test
    void aPatientAddsAPasskeyAndSignsInWithItAloneUntilItIsRemoved() throws Exception {
        var alice = demo.actor(ALICE);
        try {
            withoutAutofill(context);
            CDPSession cdp = page.context().newCDPSession(page);
            String authenticator = addAuthenticator(cdp);
            signInWithPassword(ALICE, "demo-password");
            waitFor(page, "/app/conversations");
            addPasskey("Alice's test phone");
            signOut();

            clickPasskeySignIn();
            waitFor(page, "/app/conversations");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your messages"))).isVisible();
            page.navigate(at("/app/settings/passkeys"));
            assertThat(page.locator("[data-passkey]").first()).not().containsText("not used yet");
            JsonObject alices = onlyCredential(cdp, authenticator);
            signOut();

            // Autofill: on another browser holding the same passkey, the sign-in page's conditional
            // request is answered (the virtual authenticator picks it at once) and Alice is in.
            var autofill = newContext(true);
            try {
                Page second = autofill.newPage();
                CDPSession secondCdp = autofill.newCDPSession(second);
                addCredential(secondCdp, addAuthenticator(secondCdp), alices);
                second.navigate(at("/login"));
                waitFor(second, "/app/conversations");
            } finally {
                autofill.close();
            }
            // The first authenticator's counter is now behind the copy's: a cloned passkey, refused.
            clickPasskeySignIn();
            assertThat(page.getByText("That passkey did not sign you in.")).isVisible();

            // Alice's credential id, presented by another authenticator with another key and another
            // account's handle: the signature does not verify against Alice's key, so it is refused.
            var stranger = newContext(true);
            try {
                withoutAutofill(stranger);
                Page other = stranger.newPage();
                CDPSession otherCdp = stranger.newCDPSession(other);
                var generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                JsonObject forged = new JsonObject();
                forged.addProperty("credentialId", alices.get("credentialId").getAsString());
                forged.addProperty("isResidentCredential", true);
                forged.addProperty("rpId", "localhost");
                forged.addProperty("privateKey",
                        Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded()));
                forged.addProperty("userHandle", Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes()));
                forged.addProperty("signCount", 100);
                addCredential(otherCdp, addAuthenticator(otherCdp), forged);
                other.navigate(at("/login"));
                other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with a passkey")).click();
                assertThat(other.getByText("That passkey did not sign you in.")).isVisible();
                assertThat(other).hasURL(java.util.regex.Pattern.compile(".*/login$"));
            } finally {
                stranger.close();
            }
            org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from audit_event where action = 'passkey.added' and actor_id = :u")
                    .param("u", alice.userId().value()).query(Long.class).single()).isPositive();
            org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from audit_event where action = 'passkey.signed-in' and actor_id = :u")
                    .param("u", alice.userId().value()).query(Long.class).single()).isEqualTo(2);

            // Removed, the passkey no longer signs Alice in, though her authenticator still offers it.
            signInWithPassword(ALICE, "demo-password");
            waitFor(page, "/app/conversations");
            page.navigate(at("/app/settings/passkeys"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove Alice's test phone")).click();
            waitFor(page, "/app/settings/passkeys?removed");
            assertThat(page.getByText("You have no passkeys yet.")).isVisible();
            signOut();
            clickPasskeySignIn();
            assertThat(page.getByText("That passkey did not sign you in.")).isVisible();
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login(\\?signedOut)?$"));
        } finally {
            passkeys.removeAll(alice.practiceId(), alice.userId());
        }
    }

    @Test
    void aMemberOfStaffSignsInWithAPasskeyWithoutPasswordOrCode() {
        String email = "nurse-" + UUID.randomUUID().toString().substring(0, 8) + "@riverside.example";
        accounts.createStaff(demo.actor(RIVERSIDE_ADMIN).practiceId(), email, "copper lantern meadow", "Ana Lopez, RN",
                StaffRole.NURSE, "Nurse");
        useDesktop();
        withoutAutofill(context);
        addAuthenticator(page.context().newCDPSession(page));
        signInWithPassword(email, "copper lantern meadow");
        waitFor(page, "/login/two-step/setup");
        String secret = TwoStepCodes.secretOn(page.content());
        page.getByLabel("The 6-digit code from your authenticator app").fill(TwoStepCodes.code(secret, 0));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn on two-step sign-in")).click();
        waitFor(page, "/app/settings/two-step");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("I have saved them: continue")).click();

        // The end of the setup offers a passkey on this device: she adds it there and goes on to her inbox.
        waitFor(page, "/app/settings/passkeys?welcome");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in faster next time")))
                .isVisible();
        page.getByLabel("Name for this passkey").fill("Ward laptop");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a passkey on this device")).click();
        waitFor(page, "/app/inbox");
        signOut();
        clickPasskeySignIn();
        waitFor(page, "/app/inbox");
        page.navigate(at("/app/settings/passkeys"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Passkeys").setExact(true))).isVisible();
        assertThat(page.getByText("Ward laptop")).isVisible();
        io.bedside.support.AxeCheck.noSeriousViolations(page, "passkeys settings");
    }
}
