package io.bedside.identity;

import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import io.bedside.support.PageSession;
import io.bedside.support.TwoStepCodes;

/**
 * Staff sign in with a password and a code from their authenticator app: set up at the first
 * sign-in, asked at every sign-in after, single use, throttled, resettable by an admin, and the
 * key kept only as ciphertext. Demo accounts (demo mode) are exempt, as every other test shows.
 */
@BothDatabases
class TwoStepSignInIntegrationTests extends ApplicationTest {

    private static final Pattern LINK = Pattern.compile("value=\"http[^\"]+/invite/([A-Za-z0-9_-]+)\"");
    private static final String PASSWORD = "lantern harbor violet";

    /** This test's own client address: its wrong codes must not throttle the other tests' sign-ins. */
    private final String address = "10.77." + (int) (Math.random() * 250) + "." + (int) (1 + Math.random() * 250);

    private PageSession browser() {
        return new PageSession(api.base()).from(address);
    }

    /** A new member of staff of Riverside who has set a password; returns their email. */
    private String invitedStaff() {
        String email = "two-step-" + UUID.randomUUID().toString().substring(0, 8) + "@riverside.example";
        PageSession admin = PageSession.signedIn(api.base(), RIVERSIDE_ADMIN);
        admin.get("/app/admin/staff");
        Matcher link = LINK.matcher(admin.post("/app/admin/staff", Map.of("displayName", "Two Step",
                "email", email, "role", "nurse", "title", "Nurse")).body());
        assertThat(link.find()).isTrue();
        PageSession invited = browser();
        invited.get("/invite/" + link.group(1));
        assertThat(invited.post("/invite/" + link.group(1), Map.of("password", PASSWORD, "confirmation", PASSWORD))
                .status()).isEqualTo(302);
        return email;
    }

    private Api.Response token(String email, String otp) {
        return api.post("/api/v1/auth/token").header("X-Forwarded-For", address).json(otp == null ? Map.of("username", email, "password", PASSWORD)
                : Map.of("username", email, "password", PASSWORD, "otp", otp)).send();
    }

    @Test
    void theFirstSignInSetsUpTheAppAndNothingElseOpensUntilThen() {
        String email = invitedStaff();
        PageSession browser = browser();
        browser.get("/login");
        var signedIn = browser.post("/login", Map.of("email", email, "password", PASSWORD));
        assertThat(signedIn.location()).endsWith("/login/two-step/setup");
        // Half signed in: every page leads back to the set-up, and the API answers 401.
        assertThat(browser.get("/app/inbox").location()).endsWith("/login/two-step/setup");
        assertThat(browser.get("/app/patients?q=walker").location()).endsWith("/login/two-step/setup");
        assertThat(browser.get("/api/v1/events").status()).isEqualTo(401);

        var setup = browser.get("/login/two-step/setup");
        assertThat(setup.body()).contains("data:image/png;base64,").contains("otpauth://totp/");
        String secret = TwoStepCodes.secretOn(setup.body());
        assertThat(browser.get("/login/two-step/setup").body()).as("a reload shows the same key").contains(
                TwoStepCodes.secretOn(setup.body()).substring(0, 4));
        assertThat(browser.post("/login/two-step/setup", Map.of("code", "000000")).status()).isEqualTo(400);
        var confirmed = browser.post("/login/two-step/setup", Map.of("code", TwoStepCodes.code(secret, 0)));
        assertThat(confirmed.status()).isEqualTo(302);
        assertThat(browser.get("/app/inbox").status()).isEqualTo(200);

        // The key is kept only as ciphertext.
        byte[] stored = jdbc.sql("select t.secret_ciphertext from staff_totp t join user_account u on u.id = t.user_id"
                + " where u.email = :email").param("email", email).query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'two-step.enrolled'").query(Long.class)
                .single()).isPositive();
    }

    @Test
    void everySignInAfterAsksForACurrentCodeThatWorksOnce() {
        String email = invitedStaff();
        String secret = TwoStepCodes.signInAndEnroll(browser(), email, PASSWORD);

        Api.Response without = token(email, null);
        assertThat(without.status()).isEqualTo(401);
        assertThat(without.contentType()).startsWith("application/problem+json");
        assertThat(without.body()).contains("6-digit code");
        assertThat(token(email, "123456").status()).isEqualTo(401);
        String code = TwoStepCodes.code(secret, 1);
        assertThat(token(email, code).status()).isEqualTo(200);
        assertThat(token(email, code).status()).as("the same code again").isEqualTo(401);

        PageSession browser = browser();
        browser.get("/login");
        assertThat(browser.post("/login", Map.of("email", email, "password", PASSWORD)).location())
                .endsWith("/login/two-step");
        assertThat(browser.get("/app/inbox").location()).endsWith("/login/two-step");
        assertThat(browser.get("/login/two-step").body()).contains("authenticator app");
        assertThat(browser.post("/login/two-step", Map.of("code", "111111")).status()).isEqualTo(400);
        assertThat(browser.post("/login/two-step", Map.of("code", code)).status()).as("already used").isEqualTo(400);
    }

    @Test
    void wrongCodesAreThrottledAndEndTheHalfSignedInSession() {
        String email = invitedStaff();
        String secret = TwoStepCodes.signInAndEnroll(browser(), email, PASSWORD);
        PageSession browser = browser();
        browser.get("/login");
        browser.post("/login", Map.of("email", email, "password", PASSWORD));
        browser.get("/login/two-step");
        PageSession.Page last = null;
        for (int i = 0; i < 11; i++) {
            last = browser.post("/login/two-step", Map.of("code", String.format("%06d", i)));
        }
        assertThat(last.status()).isEqualTo(302);
        assertThat(last.location()).endsWith("/login?throttled");
        assertThat(browser.get("/app/inbox").location()).contains("/login");
        // A right code is no help now: the account's codes are throttled for a while.
        assertThat(token(email, TwoStepCodes.code(secret, 1)).status()).isEqualTo(429);
    }

    @Test
    void anAdminResetsALostAuthenticatorAndTheNextSignInSetsUpANewOne() {
        String email = invitedStaff();
        TwoStepCodes.signInAndEnroll(browser(), email, PASSWORD);
        String id = jdbc.sql("select id from user_account where email = :email").param("email", email)
                .query(UUID.class).single().toString();

        PageSession nurse = PageSession.signedIn(api.base(), KIM);
        nurse.get("/app/inbox");
        assertThat(nurse.post("/app/admin/staff/" + id + "/reset-two-step", Map.of()).status()).isEqualTo(403);
        PageSession admin = PageSession.signedIn(api.base(), RIVERSIDE_ADMIN);
        admin.get("/app/admin/staff");
        var reset = admin.post("/app/admin/staff/" + id + "/reset-two-step", Map.of());
        assertThat(reset.status()).isEqualTo(302);
        assertThat(reset.location()).endsWith("?twoStepReset");

        assertThat(token(email, null).body()).contains("not set up");
        String fresh = TwoStepCodes.signInAndEnroll(browser(), email, PASSWORD);
        assertThat(fresh).hasSize(32);
        PageSession lakeside = PageSession.signedIn(api.base(), io.bedside.support.Demo.LAKESIDE_ADMIN);
        lakeside.get("/app/admin/staff");
        assertThat(lakeside.post("/app/admin/staff/" + id + "/reset-two-step", Map.of()).status()).isEqualTo(404);
    }
}
