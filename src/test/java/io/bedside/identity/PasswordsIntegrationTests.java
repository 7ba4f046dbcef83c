package io.bedside.identity;

import static io.bedside.support.Demo.LAKESIDE_ADMIN;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import tools.jackson.databind.JsonNode;

import io.bedside.notification.NotificationDispatcher;
import io.bedside.patient.PatientDirectory;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.StaffRole;
import io.bedside.shared.UserId;
import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import io.bedside.support.MovableClock;
import io.bedside.support.PageSession;
import io.bedside.support.Race;
import io.bedside.support.TwoStepCodes;

/**
 * Passwords after the first: a forgotten one reset by a one-time link (for patients with their
 * date of birth, for staff with their authenticator code still asked at sign-in), a change while
 * signed in, and the signed-in devices each person can see and end.
 */
@Import(MovableClock.Config.class)
@BothDatabases
class PasswordsIntegrationTests extends ApplicationTest {

    private static final Pattern LINK = Pattern.compile("http://localhost:8080(/reset-password/[A-Za-z0-9_-]{43})");
    private static final String OLD = "first garden lantern";
    private static final String NEW = "copper meadow whistle";

    @Autowired
    MovableClock clock;

    @Autowired
    NotificationDispatcher dispatcher;

    @Autowired
    PatientDirectory directory;

    @Autowired
    Accounts accounts;

    /** A client address of this test's own, so its refused attempts throttle nobody else. */
    private String client;

    @BeforeEach
    void now() {
        clock.set(Instant.now());
        client = "10." + ThreadLocalRandom.current().nextInt(1, 250) + "." + ThreadLocalRandom.current().nextInt(1, 250)
                + "." + ThreadLocalRandom.current().nextInt(1, 250);
    }

    // ------------------------------------------------------------ accounts of the tests' own

    /** A Riverside patient born on 1971-04-05 with a password of their own; returns the email. */
    private String patient(String name) {
        String email = name + "@patients.example";
        var report = api.post("/api/v1/patients/import").token(demo.token(RIVERSIDE_ADMIN)).raw("text/csv",
                "external_id,given_name,family_name,birth_date,sex,email,language\n" + name + ",Pat,Pw" + name.replace("-", "")
                        + ",1971-04-05,female," + email + ",es\n").send();
        assertThat(report.status()).isEqualTo(200);
        var admin = demo.actor(RIVERSIDE_ADMIN);
        PatientId id = directory.search(admin, "pw" + name.toLowerCase().replace("-", "")).get(0).id();
        accounts.createPatientAccount(admin.practiceId(), id, email, OLD);
        return email;
    }

    /** A Riverside nurse with a password and (not being a demo account) two-step sign-in. */
    private UserId nurse(String name) {
        PracticeId riverside = demo.actor(RIVERSIDE_ADMIN).practiceId();
        return accounts.createStaff(riverside, name + "@riverside.example", OLD, "Nurse " + name, StaffRole.NURSE, null)
                .id();
    }

    private java.util.UUID userId(String email) {
        return jdbc.sql("select id from user_account where email = :email").param("email", email)
                .query(java.util.UUID.class).single();
    }

    private Api.Response askReset(String email) {
        return api.post("/api/v1/auth/password-reset").header("X-Forwarded-For", client)
                .json(Map.of("email", email)).send();
    }

    private Api.Response token(String email, String password) {
        return api.post("/api/v1/auth/token").header("X-Forwarded-For", client)
                .json(Map.of("username", email, "password", password)).send();
    }

    private PageSession signedIn(String email, String password) {
        PageSession session = new PageSession(api.base()).from(client);
        session.get("/login");
        var answer = session.post("/login", Map.of("email", email, "password", password));
        assertThat(answer.location()).as("signed in").doesNotContain("error").doesNotContain("throttled");
        return session;
    }

    private long emailsTo(String email) {
        dispatcher.dispatchDue();
        return jdbc.sql("select count(*) from dev_outbox where to_address = :to").param("to", email)
                .query(Long.class).single();
    }

    /** The path of the newest reset link emailed to the address. */
    private String linkFor(String email) {
        dispatcher.dispatchDue();
        String body = jdbc.sql("select body from dev_outbox where to_address = :to order by created_at desc limit 1")
                .param("to", email).query(String.class).single();
        Matcher m = LINK.matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }

    private PageSession.Page redeem(String path, String birthDate, String password) {
        PageSession browser = new PageSession(api.base()).from(client);
        // The form as a browser had it open (a spent link's page has none, and no CSRF token).
        browser.get("/forgot-password");
        browser.get(path);
        return browser.post(path, Map.of("birthDate", birthDate, "password", password, "confirmation", password));
    }

    // ------------------------------------------------------------ forgotten password

    @Test
    void askingForAResetAnswersTheSameForKnownAndUnknownAddressesAndOnlyTheKnownOneGetsAnEmail() {
        String known = patient("rst-known");
        Api.Response forKnown = askReset(known);
        Api.Response forNobody = askReset("nobody-rst@patients.example");
        assertThat(forKnown.status()).isEqualTo(forNobody.status()).isEqualTo(202);
        assertThat(forKnown.body()).isEqualTo(forNobody.body());

        PageSession one = new PageSession(api.base()).from(client);
        one.get("/forgot-password");
        var pageKnown = one.post("/forgot-password", Map.of("email", known));
        PageSession two = new PageSession(api.base()).from(client);
        two.get("/forgot-password");
        var pageNobody = two.post("/forgot-password", Map.of("email", "nobody-rst@patients.example"));
        assertThat(pageKnown.status()).isEqualTo(pageNobody.status()).isEqualTo(200);
        assertThat(strip(pageKnown.body())).isEqualTo(strip(pageNobody.body()));

        assertThat(emailsTo("nobody-rst@patients.example")).isZero();
        assertThat(emailsTo(known)).isEqualTo(2);
        String subject = jdbc.sql("select subject from dev_outbox where to_address = :to order by created_at desc limit 1")
                .param("to", known).query(String.class).single();
        assertThat(subject).as("in the patient's language").isEqualTo("Restablezca su contraseña de Riverside Family Medicine en Bedside");
        String body = jdbc.sql("select body from dev_outbox where to_address = :to order by created_at desc limit 1")
                .param("to", known).query(String.class).single();
        assertThat(body).as("no health information, no name").doesNotContain("Pat").doesNotContain("1971");
    }

    @Test
    void aMalformedRequestIsAProblemAndSendsNothing() {
        Api.Response notJson = api.post("/api/v1/auth/password-reset").header("X-Forwarded-For", client)
                .raw("application/json", "{\"email\":").send();
        Api.Response noEmail = api.post("/api/v1/auth/password-reset").header("X-Forwarded-For", client)
                .json(Map.of("address", "x@patients.example")).send();
        assertThat(notJson.status()).isEqualTo(noEmail.status()).isEqualTo(400);
        assertThat(notJson.contentType()).startsWith("application/problem+json");
        assertThat(noEmail.contentType()).startsWith("application/problem+json");
    }

    private static String strip(String page) {
        return page.replaceAll("value=\"[^\"]*\"", "").replaceAll("content=\"[^\"]*\"", "");
    }

    @Test
    void theLinkShowsItsFormWithoutBeingSpentAndSetsThePasswordOnce() {
        String email = patient("rst-once");
        String token = token(email, OLD).json().get("token").asString();
        PageSession other = signedIn(email, OLD);
        askReset(email);
        String path = linkFor(email);

        PageSession scanner = new PageSession(api.base());
        assertThat(scanner.get(path).status()).isEqualTo(200);
        assertThat(scanner.get(path).body()).as("a mail scanner's GET spends nothing").contains("Your date of birth");
        assertThat(redeem(path, "1971-04-06", NEW).body()).contains("does not match our records");
        var done = redeem(path, "1971-04-05", NEW);
        assertThat(done.status()).isEqualTo(302);
        assertThat(done.location()).endsWith("/login?passwordReset");

        var again = redeem(path, "1971-04-05", "another fine password");
        assertThat(again.status()).as("spent").isEqualTo(404);
        assertThat(again.body()).contains("expired or was already used");
        assertThat(token(email, OLD).status()).isEqualTo(401);
        assertThat(token(email, NEW).status()).isEqualTo(200);

        assertThat(api.get("/api/v1/me").token(token).send().status()).as("every token ended").isEqualTo(401);
        var page = other.get("/app/conversations");
        assertThat(page.status()).as("every session ended").isEqualTo(302);
        assertThat(page.location()).contains("/login");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'password.reset' and actor_id = :id")
                .param("id", userId(email)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aResetLinkExpiresAfterFifteenMinutesAndANewOneEndsTheOlder() {
        String email = patient("rst-expiry");
        askReset(email);
        String first = linkFor(email);
        clock.advance(Duration.ofSeconds(1));
        askReset(email);
        String second = linkFor(email);
        assertThat(new PageSession(api.base()).get(first).status()).as("a newer link ends the older").isEqualTo(404);
        assertThat(new PageSession(api.base()).get(second).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(14));
        assertThat(new PageSession(api.base()).get(second).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(2));
        assertThat(new PageSession(api.base()).get(second).status()).isEqualTo(404);
        assertThat(redeem(second, "1971-04-05", NEW).status()).isEqualTo(404);
        clock.set(Instant.now());
        assertThat(token(email, OLD).status()).as("nothing changed").isEqualTo(200);
    }

    @Test
    void fiftyConcurrentRedeemsSetThePasswordExactlyOnce() throws Exception {
        String email = patient("rst-race");
        askReset(email);
        String path = linkFor(email);
        List<PageSession> browsers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            PageSession b = new PageSession(api.base()).from(client);
            b.get(path);
            browsers.add(b);
        }
        List<Callable<Integer>> redeems = new ArrayList<>();
        for (int i = 0; i < browsers.size(); i++) {
            PageSession b = browsers.get(i);
            String password = NEW + " " + i;
            redeems.add(() -> b.post(path, Map.of("birthDate", "1971-04-05", "password", password,
                    "confirmation", password)).status());
        }
        List<Integer> statuses = Race.statuses(redeems);
        // The date of birth is counted before it is checked: past the account's limit, or while two
        // checks wait, a redeem is refused (429) and spends nothing.
        assertThat(statuses).allMatch(status -> status == 302 || status == 404 || status == 429);
        assertThat(statuses.stream().filter(status -> status == 302).count()).isEqualTo(1);
        int winner = statuses.indexOf(302);
        assertThat(token(email, NEW + " " + winner).status()).isEqualTo(200);
    }

    @Test
    void askingTooOftenForOneAddressOrFromOneClientSendsNoMoreEmailsButAnswersTheSame() {
        String email = patient("rst-throttle");
        for (int i = 0; i < 10; i++) {
            assertThat(askReset(email).status()).isEqualTo(202);
        }
        assertThat(emailsTo(email)).isEqualTo(10);
        client = "10.250.1." + ThreadLocalRandom.current().nextInt(1, 250);
        assertThat(askReset(email).status()).as("the same answer").isEqualTo(202);
        assertThat(emailsTo(email)).as("throttled per address, whatever the client").isEqualTo(10);

        String another = patient("rst-throttle2");
        for (int i = 0; i < 30; i++) {
            askReset("flood-" + i + "@patients.example");
        }
        assertThat(askReset(another).status()).isEqualTo(202);
        assertThat(emailsTo(another)).as("throttled per client").isZero();
    }

    @Test
    void aWeakOrBreachedPasswordIsRefusedAndChangesNothing() {
        String email = patient("rst-weak");
        askReset(email);
        String path = linkFor(email);
        var shortOne = redeem(path, "1971-04-05", "short");
        assertThat(shortOne.status()).isEqualTo(400);
        assertThat(shortOne.body()).contains("at least 12 characters");
        var breached = redeem(path, "1971-04-05", "iloveyou1234");
        assertThat(breached.status()).isEqualTo(400);
        assertThat(breached.body()).contains("attackers try first");
        PageSession browser = new PageSession(api.base()).from(client);
        browser.get(path);
        var mismatch = browser.post(path, Map.of("birthDate", "1971-04-05", "password", NEW, "confirmation", NEW + "x"));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(new PageSession(api.base()).get(path).status()).as("the link still works").isEqualTo(200);
        assertThat(token(email, OLD).status()).as("the password did not change").isEqualTo(200);
    }

    @Test
    void aDisabledAccountGetsNoLink() {
        UserId id = nurse("rst-disabled");
        accounts.setStaffActive(demo.actor(RIVERSIDE_ADMIN).practiceId(), id, false);
        assertThat(askReset("rst-disabled@riverside.example").status()).isEqualTo(202);
        assertThat(emailsTo("rst-disabled@riverside.example")).isZero();
    }

    @Test
    void staffStillGiveTheirAuthenticatorCodeAfterAReset() {
        nurse("rst-staff");
        String email = "rst-staff@riverside.example";
        TwoStepCodes.signInAndEnroll(new PageSession(api.base()).from(client), email, OLD);
        askReset(email);
        String path = linkFor(email);
        assertThat(new PageSession(api.base()).get(path).body()).as("no date of birth for staff")
                .doesNotContain("Your date of birth");
        PageSession browser = new PageSession(api.base()).from(client);
        browser.get(path);
        assertThat(browser.post(path, Map.of("password", NEW, "confirmation", NEW)).status()).isEqualTo(302);

        PageSession again = new PageSession(api.base()).from(client);
        again.get("/login");
        var answer = again.post("/login", Map.of("email", email, "password", NEW));
        assertThat(answer.location()).as("still asked for the code").endsWith("/login/two-step");
        assertThat(again.get("/app/inbox").location()).endsWith("/login/two-step");
    }

    @Test
    void anAdminSendsAMemberOfStaffAResetLinkAndAnotherPracticesAdminIsNotFound() {
        UserId id = nurse("rst-admin");
        String email = "rst-admin@riverside.example";
        PageSession lakeside = PageSession.signedIn(api.base(), LAKESIDE_ADMIN);
        lakeside.get("/app/admin/staff");
        assertThat(lakeside.post("/app/admin/staff/" + id + "/password-reset", Map.of()).status()).isEqualTo(404);
        assertThat(emailsTo(email)).isZero();

        PageSession riverside = PageSession.signedIn(api.base(), RIVERSIDE_ADMIN);
        assertThat(riverside.get("/app/admin/staff").body()).contains("Send Nurse rst-admin a password reset link");
        var sent = riverside.post("/app/admin/staff/" + id + "/password-reset", Map.of());
        assertThat(sent.status()).isEqualTo(302);
        assertThat(sent.location()).endsWith("/app/admin/staff?passwordResetSent");
        assertThat(linkFor(email)).startsWith("/reset-password/");
        String subject = jdbc.sql("select subject from dev_outbox where to_address = :to").param("to", email)
                .query(String.class).single();
        assertThat(subject).isEqualTo("Reset your Riverside Family Medicine password on Bedside");
        assertThat(jdbc.sql("""
                select count(*) from audit_event where action = 'staff.password-reset-sent' and target_id = :id""")
                .param("id", id.toString()).query(Long.class).single()).isEqualTo(1);
    }

    // ------------------------------------------------------------ change while signed in

    @Test
    void aPatientChangesTheirPasswordAndEveryOtherSessionAndTokenEnds() {
        String email = patient("chg-patient");
        String mine = token(email, OLD).json().get("token").asString();
        String other = token(email, OLD).json().get("token").asString();
        PageSession browser = signedIn(email, OLD);

        Api.Response wrong = api.post("/api/v1/me/password").token(mine).header("X-Forwarded-For", client)
                .json(Map.of("currentPassword", "not my password", "newPassword", NEW)).send();
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        Api.Response weak = api.post("/api/v1/me/password").token(mine).header("X-Forwarded-For", client)
                .json(Map.of("currentPassword", OLD, "newPassword", "password1234")).send();
        assertThat(weak.status()).isEqualTo(400);
        assertThat(token(email, OLD).status()).as("nothing changed").isEqualTo(200);

        Api.Response changed = api.post("/api/v1/me/password").token(mine).header("X-Forwarded-For", client)
                .json(Map.of("currentPassword", OLD, "newPassword", NEW)).send();
        assertThat(changed.status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me").token(mine).send().status()).as("the token in use stays").isEqualTo(200);
        assertThat(api.get("/api/v1/me").token(other).send().status()).isEqualTo(401);
        var page = browser.get("/app/conversations");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).contains("/login");
        assertThat(token(email, NEW).status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'password.changed' and allowed and actor_id = :id")
                .param("id", userId(email)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void wrongCurrentPasswordsAreThrottledLikeSignIns() {
        String email = patient("chg-throttle");
        String mine = token(email, OLD).json().get("token").asString();
        int status = 0;
        for (int i = 0; i < 11 && status != 429; i++) {
            status = api.post("/api/v1/me/password").token(mine).header("X-Forwarded-For", client)
                    .json(Map.of("currentPassword", "guess number " + i, "newPassword", NEW)).send().status();
        }
        assertThat(status).isEqualTo(429);
        assertThat(api.post("/api/v1/me/password").token(mine).header("X-Forwarded-For", client)
                .json(Map.of("currentPassword", OLD, "newPassword", NEW)).send().status())
                .as("even the right one waits").isEqualTo(429);
    }

    @Test
    void staffChangingTheirPasswordAlsoGiveTheirAuthenticatorCode() {
        nurse("chg-staff");
        String email = "chg-staff@riverside.example";
        PageSession other = new PageSession(api.base()).from(client);
        PageSession browser = new PageSession(api.base()).from(client);
        String secret = TwoStepCodes.signInAndEnroll(browser, email, OLD);
        other.get("/login");
        other.post("/login", Map.of("email", email, "password", OLD));

        assertThat(browser.get("/app/settings/security").body()).contains("Code from your authenticator app");
        var noCode = browser.post("/app/settings/security/password",
                Map.of("currentPassword", OLD, "newPassword", NEW, "confirmation", NEW));
        assertThat(noCode.status()).isEqualTo(400);
        assertThat(noCode.body()).contains("6-digit code");
        var wrongCurrent = browser.post("/app/settings/security/password",
                Map.of("currentPassword", "wrong password!", "newPassword", NEW, "confirmation", NEW, "otp", "000000"));
        assertThat(wrongCurrent.status()).isEqualTo(400);
        assertThat(wrongCurrent.body()).contains("current password is not correct");
        // The application's clock stands still in these tests: move it a minute on, so the code of
        // that moment is a later one than the set-up's, whenever the 30-second steps turned.
        clock.set(Instant.now().plusSeconds(60));
        var changed = browser.post("/app/settings/security/password", Map.of("currentPassword", OLD,
                "newPassword", NEW, "confirmation", NEW, "otp", TwoStepCodes.codeAt(secret, clock.instant())));
        assertThat(changed.status()).as(changed.body()).isEqualTo(302);
        assertThat(changed.location()).endsWith("/app/settings/security?passwordChanged");
        assertThat(browser.get("/app/settings/security").status()).as("this session stays").isEqualTo(200);
        var ended = other.get("/app/inbox");
        assertThat(ended.status()).isEqualTo(302);
        assertThat(ended.location()).contains("/login");
    }

    // ------------------------------------------------------------ signed-in devices

    @Test
    void eachPersonSeesTheirDevicesAndEndsOneOrAllOthers() {
        String email = patient("dev-list");
        String mine = api.post("/api/v1/auth/token").header("X-Forwarded-For", client)
                .header("User-Agent", "curl/8.5.0").json(Map.of("username", email, "password", OLD)).send()
                .json().get("token").asString();
        String another = token(email, OLD).json().get("token").asString();
        PageSession phone = signedIn(email, OLD);
        PageSession laptop = signedIn(email, OLD);

        JsonNode items = api.get("/api/v1/me/sessions").token(mine).send().json().get("items");
        assertThat(items).hasSize(4);
        assertThat(items.get(0).get("current").asBoolean()).isTrue();
        assertThat(items.get(0).get("device").asString()).isEqualTo("curl");
        assertThat(items.get(0).get("kind").asString()).isEqualTo("api-token");
        long browsers = 0;
        String browserId = null;
        for (JsonNode item : items) {
            if (item.get("kind").asString().equals("browser")) {
                browsers++;
                browserId = item.get("id").asString();
            }
        }
        assertThat(browsers).isEqualTo(2);

        // The test patients chose Spanish, and pages follow the patient's stored language from sign-in.
        assertThat(phone.get("/app/settings/security").body()).contains("Este dispositivo")
                .contains("Cerrar sesión en todos los demás dispositivos");
        assertThat(api.delete("/api/v1/me/sessions/" + browserId).token(mine).send().status()).isEqualTo(204);
        assertThat(api.delete("/api/v1/me/sessions/" + browserId).token(mine).send().status()).as("ended already")
                .isEqualTo(404);
        var phonePage = phone.get("/app/conversations");
        var laptopPage = laptop.get("/app/conversations");
        assertThat(List.of(phonePage.status(), laptopPage.status())).containsExactlyInAnyOrder(200, 302);
        PageSession.Page endedPage = phonePage.status() == 302 ? phonePage : laptopPage;
        assertThat(endedPage.location()).endsWith("/login?expired");

        Api.Response endOthers = api.post("/api/v1/me/sessions/end-others").token(mine).send();
        assertThat(endOthers.status()).isEqualTo(200);
        assertThat(endOthers.json().get("ended").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/me").token(another).send().status()).isEqualTo(401);
        assertThat(phone.get("/app/conversations").status()).isEqualTo(302);
        assertThat(laptop.get("/app/conversations").status()).isEqualTo(302);
        assertThat(api.get("/api/v1/me/sessions").token(mine).send().json().get("items")).hasSize(1);
    }

    @Test
    void endingADeviceFromThePageSignsItOut() {
        String email = patient("dev-page");
        PageSession phone = signedIn(email, OLD);
        PageSession laptop = signedIn(email, OLD);
        String page = phone.get("/app/settings/security").body();
        Matcher other = Pattern.compile("action=\"/app/settings/security/devices/([0-9a-f-]{36})/end\"").matcher(page);
        assertThat(other.find()).isTrue();
        var ended = phone.post("/app/settings/security/devices/" + other.group(1) + "/end", Map.of());
        assertThat(ended.location()).endsWith("/app/settings/security?ended");
        assertThat(laptop.get("/app/conversations").location()).endsWith("/login?expired");
        assertThat(phone.get("/app/conversations").status()).isEqualTo(200);

        var signedOut = phone.post("/logout", Map.of());
        assertThat(signedOut.status()).isEqualTo(302);
        assertThat(jdbc.sql("""
                select count(*) from user_session s join user_account a on a.id = s.user_id
                 where a.email = :email and s.ended_at is null""").param("email", email).query(Long.class).single())
                .as("signing out ends the registry row").isZero();
    }
}
