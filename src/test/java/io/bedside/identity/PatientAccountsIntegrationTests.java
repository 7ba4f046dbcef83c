package io.bedside.identity;

import static io.bedside.support.Demo.BOB;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.LAKESIDE_ADMIN;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import io.bedside.notification.NotificationDispatcher;
import io.bedside.patient.PatientDirectory;
import io.bedside.shared.PatientId;
import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import io.bedside.support.MovableClock;
import io.bedside.support.PageSession;
import io.bedside.support.Race;

/**
 * Patients and their accounts: a patient changes their own email address (confirmed by a link to
 * the new address, the old one told), mobile number and language; a practice admin closes a
 * patient's account and reopens it.
 */
@Import(MovableClock.Config.class)
@BothDatabases
class PatientAccountsIntegrationTests extends ApplicationTest {

    private static final Pattern LINK = Pattern.compile("http://localhost:8080(/email-change/[A-Za-z0-9_-]{43})");
    private static final String PASSWORD = "demo-password";

    @Autowired
    MovableClock clock;

    @Autowired
    NotificationDispatcher dispatcher;

    @Autowired
    PatientDirectory directory;

    @Autowired
    Accounts accounts;

    @BeforeEach
    void now() {
        clock.set(Instant.now());
    }

    /** A patient of Riverside with an account and a password, imported with a tag of their own. */
    private record Someone(String patientId, String email, String tag) {
    }

    private Someone patient(String name) {
        String id = name.toUpperCase();
        String email = name + "@patients.example";
        String tag = "tag-" + name;
        var report = api.post("/api/v1/patients/import").token(demo.token(RIVERSIDE_ADMIN)).raw("text/csv",
                "external_id,given_name,family_name,birth_date,sex,email,phone,language,tags\n" + id + ",Pat,Zz" + name
                        + ",1970-01-02,female," + email + ",+15555550100,en," + tag + "\n").send();
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        var actor = demo.actor(RIVERSIDE_ADMIN);
        PatientId patient = directory.search(actor, "zz" + name).get(0).id();
        accounts.createPatientAccount(actor.practiceId(), patient, email, PASSWORD);
        return new Someone(patient.toString(), email, tag);
    }

    private int signIn(String email) {
        return api.post("/api/v1/auth/token").json(Map.of("username", email, "password", PASSWORD)).send().status();
    }

    /** The newest email the dev mailbox caught for the address. */
    private Map<String, String> lastMail(String to) {
        dispatcher.dispatchDue();
        return jdbc.sql("select subject, body from dev_outbox where to_address = :to order by created_at desc limit 1")
                .param("to", to).query((rs, n) -> Map.of("subject", rs.getString("subject"), "body", rs.getString("body")))
                .optional().orElse(Map.of());
    }

    private String linkIn(Map<String, String> mail) {
        Matcher m = LINK.matcher(mail.getOrDefault("body", ""));
        assertThat(m.find()).as(mail.toString()).isTrue();
        return m.group(1);
    }

    private Api.Response patch(String token, Map<String, ?> change) {
        return api.patch("/api/v1/me/profile").token(token).json(change).send();
    }

    private long audited(String action, String patientId) {
        return jdbc.sql("select count(*) from audit_event where action = :action and patient_id = :patient")
                .param("action", action).param("patient", UUID.fromString(patientId)).query(Long.class).single();
    }

    // ------------------------------------------------------------ email

    @Test
    void aNewEmailAddressIsUsedOnlyOnceItsLinkIsFollowedAndTheOldAddressIsTold() {
        Someone dana = patient("dana");
        String token = api.signIn(dana.email(), PASSWORD);

        var asked = patch(token, Map.of("email", "Dana.New@Example.org"));
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        assertThat(asked.json().get("email").asString()).isEqualTo(dana.email());
        assertThat(asked.json().get("pendingEmail").asString()).isEqualTo("dana.new@example.org");
        assertThat(signIn(dana.email())).as("the old address signs in until the new one is confirmed").isEqualTo(200);
        assertThat(signIn("dana.new@example.org")).isEqualTo(401);
        assertThat(PageSession.signedIn(api.base(), dana.email()).get("/app/settings/profile").body())
                .contains("Waiting for confirmation of dana.new@example.org");

        var mail = lastMail("dana.new@example.org");
        assertThat(mail.get("subject")).isEqualTo("Confirm your new email address for Riverside Family Medicine");
        assertThat(mail.get("body")).doesNotContain("Zzdana").doesNotContain("1970");
        String link = linkIn(mail);

        PageSession browser = new PageSession(api.base());
        var page = browser.get(link);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Use dana.new@example.org for your Bedside account at Riverside Family Medicine?");
        assertThat(signIn(dana.email())).as("opening the link changes nothing").isEqualTo(200);

        var done = browser.post(link, Map.of());
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("sign in with dana.new@example.org");
        assertThat(signIn("dana.new@example.org")).isEqualTo(200);
        assertThat(signIn(dana.email())).isEqualTo(401);
        assertThat(jdbc.sql("select email from patient where id = :id").param("id", UUID.fromString(dana.patientId()))
                .query(String.class).single()).as("the roster's address too").isEqualTo("dana.new@example.org");
        var profile = api.get("/api/v1/me/profile").token(token).send().json();
        assertThat(profile.get("email").asString()).isEqualTo("dana.new@example.org");
        assertThat(profile.hasNonNull("pendingEmail")).isFalse();

        var told = lastMail(dana.email());
        assertThat(told.get("subject")).isEqualTo("The email address of your Riverside Family Medicine account was changed");
        assertThat(told.get("body")).contains("If this wasn't you, call Riverside Family Medicine")
                .doesNotContain("dana.new@example.org").doesNotContain("Zzdana");

        assertThat(browser.post(link, Map.of()).status()).as("a link works once").isEqualTo(404);
        assertThat(audited("email.change-requested", dana.patientId())).isEqualTo(1);
        assertThat(audited("email.changed", dana.patientId())).isEqualTo(1);
    }

    @Test
    void anExpiredLinkChangesNothing() {
        Someone erin = patient("erin");
        String token = api.signIn(erin.email(), PASSWORD);
        patch(token, Map.of("email", "erin.new@example.org"));
        String link = linkIn(lastMail("erin.new@example.org"));

        clock.advance(Duration.ofHours(24).plusMinutes(1));
        PageSession browser = new PageSession(api.base());
        assertThat(browser.get(link).status()).isEqualTo(404);
        browser.get("/login");
        assertThat(browser.post(link, Map.of()).status()).isEqualTo(404);
        assertThat(signIn(erin.email())).isEqualTo(200);
        assertThat(api.get("/api/v1/me/profile").token(api.signIn(erin.email(), PASSWORD)).send().json()
                .hasNonNull("pendingEmail")).as("an expired change is no longer shown").isFalse();
    }

    @Test
    void aPendingChangeOutlivesOtherSavesAndCanBeCancelled() {
        Someone max = patient("max");
        String token = api.signIn(max.email(), PASSWORD);
        patch(token, Map.of("email", "max.new@example.org"));
        String link = linkIn(lastMail("max.new@example.org"));
        var saved = patch(token, Map.of("email", max.email(), "language", "es"));
        assertThat(saved.json().get("pendingEmail").asString()).as("the form sends the current address with every save")
                .isEqualTo("max.new@example.org");

        var cancelled = api.delete("/api/v1/me/profile/pending-email").token(token).send();
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().hasNonNull("pendingEmail")).isFalse();
        PageSession browser = new PageSession(api.base());
        assertThat(browser.get(link).status()).isEqualTo(404);
        browser.get("/login");
        assertThat(browser.post(link, Map.of()).status()).isEqualTo(404);
        assertThat(signIn(max.email())).isEqualTo(200);
    }

    @Test
    void aLinkChangesOnlyTheAccountThatAskedWhoeverFollowsIt() {
        Someone fay = patient("fay");
        patch(api.signIn(fay.email(), PASSWORD), Map.of("email", "fay.new@example.org"));
        String link = linkIn(lastMail("fay.new@example.org"));

        PageSession bob = PageSession.signedIn(api.base(), BOB);
        bob.get(link);
        assertThat(bob.post(link, Map.of()).status()).isEqualTo(200);
        assertThat(demo.me(BOB).get("email").asString()).isEqualTo(BOB);
        assertThat(signIn("fay.new@example.org")).isEqualTo(200);
    }

    @Test
    void concurrentConfirmationsMakeTheChangeOnce() throws InterruptedException {
        Someone gil = patient("gil");
        patch(api.signIn(gil.email(), PASSWORD), Map.of("email", "gil.new@example.org"));
        String link = linkIn(lastMail("gil.new@example.org"));
        List<Callable<Integer>> confirms = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            PageSession browser = new PageSession(api.base());
            browser.get(link);
            confirms.add(() -> browser.post(link, Map.of()).status());
        }
        List<Integer> statuses = Race.statuses(confirms);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s != 200).containsOnly(404);
        UUID user = UUID.fromString(api.get("/api/v1/me").token(api.signIn("gil.new@example.org", PASSWORD)).send()
                .json().get("id").asString());
        assertThat(jdbc.sql("select count(*) from notification where user_id = :u and kind = 'EMAIL_CHANGED'")
                .param("u", user).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anAddressInUseGetsTheSameAnswerAndItsMailboxIsToldNothingChanges() {
        Someone hal = patient("hal");
        String token = api.signIn(hal.email(), PASSWORD);
        var asked = patch(token, Map.of("email", BOB));
        assertThat(asked.status()).as("the same answer as for a free address").isEqualTo(200);
        assertThat(asked.json().get("pendingEmail").asString()).isEqualTo(BOB);

        var mail = lastMail(BOB);
        assertThat(mail.get("subject")).isEqualTo("Your email address could not be used for Riverside Family Medicine");
        assertThat(mail.get("body")).contains("already belongs to another Bedside account").doesNotContain("/email-change/")
                .doesNotContain("Zzhal");
        assertThat(signIn(hal.email())).isEqualTo(200);
        assertThat(api.get("/api/v1/me").token(demo.token(BOB)).send().status()).isEqualTo(200);
        assertThat(demo.me(BOB).get("email").asString()).isEqualTo(BOB);
    }

    // ------------------------------------------------------------ mobile number and language

    @Test
    void badDetailsAreAProblemAndChangeNothing() {
        Someone ivy = patient("ivy");
        String token = api.signIn(ivy.email(), PASSWORD);
        for (var bad : List.of(Map.of("phone", "call me maybe", "language", "es"), Map.of("phone", "+0123"),
                Map.of("language", "fr"), Map.of("email", "not an address", "language", "es"))) {
            var answer = patch(token, bad);
            assertThat(answer.status()).as(bad.toString()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        var profile = api.get("/api/v1/me/profile").token(token).send().json();
        assertThat(profile.get("phone").asString()).isEqualTo("+15555550100");
        assertThat(profile.get("language").asString()).isEqualTo("en");
        assertThat(profile.hasNonNull("pendingEmail")).isFalse();
        assertThat(audited("profile.changed", ivy.patientId())).isZero();

        var saved = patch(token, Map.of("phone", "+34 (612) 345-678", "language", "es"));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json().get("phone").asString()).isEqualTo("+34612345678");
        assertThat(saved.json().get("language").asString()).isEqualTo("es");
        assertThat(audited("profile.changed", ivy.patientId())).isEqualTo(1);
        assertThat(patch(token, Map.of("phone", "")).json().hasNonNull("phone")).as("an empty number removes it").isFalse();

        assertThat(api.get("/api/v1/me/profile").token(demo.token(KIM)).send().status())
                .as("staff have no patient profile").isEqualTo(404);
    }

    @Test
    void thePatientChangesTheirNumberAndLanguageOnTheirPage() {
        Someone jo = patient("jo");
        PageSession page = PageSession.signedIn(api.base(), jo.email());
        assertThat(page.get("/app/conversations").body()).contains("My details");
        assertThat(page.get("/app/settings/profile").status()).isEqualTo(200);
        var refused = page.post("/app/settings/profile", Map.of("email", jo.email(), "phone", "555", "language", "es"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("country code");
        var saved = page.post("/app/settings/profile", Map.of("email", jo.email(), "phone", "+1 555 555 0177",
                "language", "es"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(page.get("/app/settings/profile").body()).contains("Mis datos").contains("+15555550177");
        // The language is the record's: a new sign-in speaks it at once.
        assertThat(PageSession.signedIn(api.base(), jo.email()).get("/app/conversations").body()).contains("Mis datos");
    }

    // ------------------------------------------------------------ closing accounts

    @Test
    void aClosedAccountCannotSignInHearsNothingIsInNoCampaignAndReopensWithItsPassword() {
        Someone kay = patient("kay");
        String token = api.signIn(kay.email(), PASSWORD);
        PageSession kaysBrowser = PageSession.signedIn(api.base(), kay.email());
        String conversation = demo.startAsPatient(kay.email(), "Dr. Patel", "Before closing", "Hello");
        Map<String, Object> cohort = Map.of("cohort", Map.of("tags", List.of(kay.tag())));
        assertThat(api.post("/api/v1/campaigns/preview").token(demo.token(RIVERSIDE_ADMIN)).json(cohort).send().json()
                .get("count").asInt()).isEqualTo(1);

        String close = "/api/v1/patients/" + kay.patientId() + "/close";
        assertThat(api.post(close).token(demo.token(KIM)).json(Map.of("reason", "moved_away")).send().status())
                .as("a nurse").isEqualTo(403);
        assertThat(api.post(close).token(demo.token(LAKESIDE_ADMIN)).json(Map.of("reason", "moved_away")).send().status())
                .as("another practice").isEqualTo(404);
        assertThat(api.post("/api/v1/patients/" + UUID.randomUUID() + "/close").token(demo.token(RIVERSIDE_ADMIN))
                .json(Map.of("reason", "moved_away")).send().status()).isEqualTo(404);
        assertThat(api.post(close).token(demo.token(RIVERSIDE_ADMIN)).json(Map.of("reason", "bored")).send().status())
                .isEqualTo(400);
        assertThat(signIn(kay.email())).as("nothing was closed by the refusals").isEqualTo(200);

        var closed = api.post(close).token(demo.token(RIVERSIDE_ADMIN)).json(Map.of("reason", "moved_away")).send();
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().get("closed").asBoolean()).isTrue();
        assertThat(closed.json().get("reason").asString()).isEqualTo("moved_away");
        assertThat(api.post(close).token(demo.token(RIVERSIDE_ADMIN)).json(Map.of("reason", "other")).send().status())
                .isEqualTo(409);

        // No way in, each refused exactly like wrong credentials; the token and the session ended.
        var refused = api.post("/api/v1/auth/token").json(Map.of("username", kay.email(), "password", PASSWORD)).send();
        var wrong = api.post("/api/v1/auth/token").json(Map.of("username", "nobody@patients.example", "password", PASSWORD)).send();
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).isEqualTo(wrong.body());
        assertThat(api.get("/api/v1/me").token(token).send().status()).isEqualTo(401);
        assertThat(kaysBrowser.get("/app/conversations").status()).isNotEqualTo(200);
        PageSession form = new PageSession(api.base());
        form.get("/login");
        assertThat(form.post("/login", Map.of("email", kay.email(), "password", PASSWORD)).location()).endsWith("/login?error");
        UUID user = jdbc.sql("select id from user_account where email = :e").param("e", kay.email()).query(UUID.class).single();
        PageSession linkAsker = new PageSession(api.base());
        linkAsker.get("/login/link");
        linkAsker.post("/login/link", Map.of("email", kay.email()));
        assertThat(jdbc.sql("select count(*) from notification where user_id = :u and kind = 'SIGN_IN_LINK'")
                .param("u", user).query(Long.class).single()).as("no sign-in link").isZero();

        // No notice, no campaign, no invitation; the record and conversation stay, marked closed.
        assertThat(demo.send(KIM, conversation, "A reply after the account closed").status()).isEqualTo(201);
        assertThat(jdbc.sql("select count(*) from notification where user_id = :u and kind = 'NEW_MESSAGE'")
                .param("u", user).query(Long.class).single()).isZero();
        assertThat(api.post("/api/v1/campaigns/preview").token(demo.token(RIVERSIDE_ADMIN)).json(cohort).send().json()
                .get("count").asInt()).isZero();
        PageSession admin = PageSession.signedIn(api.base(), RIVERSIDE_ADMIN);
        var patientPage = admin.get("/app/patients/" + kay.patientId());
        assertThat(patientPage.body()).contains("Account closed").contains("moved away").contains("Before closing")
                .contains("Reopen the account").doesNotContain("Invite to Bedside");
        assertThat(admin.post("/app/admin/patients/" + kay.patientId() + "/invite", Map.of()).status()).isEqualTo(409);
        assertThat(demo.messages(KIM, conversation)).hasSize(2);

        // Reopened: the old password works again; the old token does not.
        assertThat(api.post("/api/v1/patients/" + kay.patientId() + "/reopen").token(demo.token(KIM)).json(Map.of())
                .send().status()).isEqualTo(403);
        var reopened = admin.post("/app/admin/patients/" + kay.patientId() + "/reopen", Map.of());
        assertThat(reopened.status()).isEqualTo(302);
        assertThat(signIn(kay.email())).isEqualTo(200);
        assertThat(api.get("/api/v1/me").token(token).send().status()).isEqualTo(401);
        assertThat(api.post("/api/v1/campaigns/preview").token(demo.token(RIVERSIDE_ADMIN)).json(cohort).send().json()
                .get("count").asInt()).isEqualTo(1);
        assertThat(audited("patient.account-closed", kay.patientId())).isEqualTo(1);
        assertThat(audited("patient.account-reopened", kay.patientId())).isEqualTo(1);
    }

    @Test
    void anAccountClosedForDeathReopensOnlyAsACorrection() {
        Someone lou = patient("lou");
        String close = "/api/v1/patients/" + lou.patientId();
        PageSession admin = PageSession.signedIn(api.base(), RIVERSIDE_ADMIN);
        admin.get("/app/patients/" + lou.patientId());
        assertThat(admin.post("/app/admin/patients/" + lou.patientId() + "/close", Map.of("reason", "deceased")).status())
                .isEqualTo(302);
        assertThat(admin.get("/app/patients/" + lou.patientId()).body()).contains("Account closed").contains("died")
                .contains("closed by mistake").doesNotContain("Write to");
        var plain = api.post(close + "/reopen").token(demo.token(RIVERSIDE_ADMIN)).json(Map.of()).send();
        assertThat(plain.status()).isEqualTo(422);
        assertThat(signIn(lou.email())).isEqualTo(401);
        var corrected = api.post(close + "/reopen").token(demo.token(RIVERSIDE_ADMIN)).json(Map.of("correction", true)).send();
        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.json().get("closed").asBoolean()).isFalse();
        assertThat(signIn(lou.email())).isEqualTo(200);
        assertThat(api.post(close + "/reopen").token(demo.token(RIVERSIDE_ADMIN)).json(Map.of()).send().status())
                .as("not closed").isEqualTo(409);
    }
}
