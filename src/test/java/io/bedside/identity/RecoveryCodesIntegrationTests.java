package io.bedside.identity;

import static io.bedside.support.Demo.LAKESIDE_ADMIN;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.bedside.notification.NotificationDispatcher;
import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import io.bedside.support.PageSession;
import io.bedside.support.Race;
import io.bedside.support.TwoStepCodes;

/**
 * Recovery codes for staff two-step sign-in: ten shown once when the authenticator is set up,
 * each signing in once in place of the app's code (pages and API, also when sent twice at the same
 * moment), new ones for the current password voiding the old, and every use, new set and reset
 * audited and told to the account's email without health information.
 */
@BothDatabases
class RecoveryCodesIntegrationTests extends ApplicationTest {

    private static final Pattern INVITE = Pattern.compile("value=\"http[^\"]+/invite/([A-Za-z0-9_-]+)\"");
    private static final Pattern CODE = Pattern.compile("class=\"recovery-code\">([0-9a-z]{5}-[0-9a-z]{5})<");
    private static final String PASSWORD = "orchard lantern pebble";

    @Autowired
    NotificationDispatcher dispatcher;

    /** This test's own client address: its wrong codes must not throttle the other tests' sign-ins. */
    private final String address = "10.78." + (int) (Math.random() * 250) + "." + (int) (1 + Math.random() * 250);

    private PageSession browser() {
        return new PageSession(api.base()).from(address);
    }

    /** A member of staff of Riverside with two-step sign-in set up, and the codes shown to them. */
    private record Staff(String email, String secret, List<String> codes) {
    }

    private Staff enrolledStaff() {
        String email = "recovery-" + UUID.randomUUID().toString().substring(0, 8) + "@riverside.example";
        PageSession admin = PageSession.signedIn(api.base(), RIVERSIDE_ADMIN);
        admin.get("/app/admin/staff");
        Matcher link = INVITE.matcher(admin.post("/app/admin/staff", Map.of("displayName", "Recovery Nurse",
                "email", email, "role", "nurse", "title", "Nurse")).body());
        assertThat(link.find()).isTrue();
        PageSession invited = browser();
        invited.get("/invite/" + link.group(1));
        assertThat(invited.post("/invite/" + link.group(1), Map.of("password", PASSWORD, "confirmation", PASSWORD))
                .status()).isEqualTo(302);

        PageSession session = browser();
        session.get("/login");
        assertThat(session.post("/login", Map.of("email", email, "password", PASSWORD)).location())
                .endsWith("/login/two-step/setup");
        String secret = TwoStepCodes.secretOn(session.get("/login/two-step/setup").body());
        var confirmed = session.post("/login/two-step/setup", Map.of("code", TwoStepCodes.code(secret, 0)));
        assertThat(confirmed.status()).isEqualTo(302);
        assertThat(confirmed.location()).endsWith("/app/settings/two-step");
        var shown = session.get("/app/settings/two-step");
        assertThat(shown.status()).isEqualTo(200);
        List<String> codes = codesOn(shown.body());
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        assertThat(shown.body()).contains("You have 10 unused recovery codes.").contains("I have saved them: continue");
        // Shown once: a second visit shows how many are left, not the codes.
        var again = session.get("/app/settings/two-step");
        assertThat(codesOn(again.body())).isEmpty();
        assertThat(again.body()).contains("You have 10 unused recovery codes.");
        codes.forEach(code -> assertThat(again.body()).doesNotContain(code));
        return new Staff(email, secret, codes);
    }

    private static List<String> codesOn(String page) {
        List<String> codes = new ArrayList<>();
        Matcher m = CODE.matcher(page);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    private UUID idOf(String email) {
        return jdbc.sql("select id from user_account where email = :email").param("email", email).query(UUID.class).single();
    }

    private Api.Response token(String email, String otp) {
        return api.post("/api/v1/auth/token").header("X-Forwarded-For", address)
                .json(Map.of("username", email, "password", PASSWORD, "otp", otp)).send();
    }

    /** A session at the second step of signing in. */
    private PageSession atSecondStep(String email) {
        PageSession session = browser();
        session.get("/login");
        assertThat(session.post("/login", Map.of("email", email, "password", PASSWORD)).location()).endsWith("/login/two-step");
        assertThat(session.get("/login/two-step").body()).contains("Use a recovery code instead");
        return session;
    }

    private long audited(String action, UUID user) {
        return audited(action, user, true);
    }

    private long audited(String action, UUID user, boolean allowed) {
        return jdbc.sql("select count(*) from audit_event where action = :action and target_id = :id and allowed = :allowed")
                .param("action", action).param("id", user.toString()).param("allowed", allowed).query(Long.class).single();
    }

    /** The security notices sent to the address, as subject and text (dev mailbox). */
    private List<String[]> mailTo(String email) {
        dispatcher.dispatchDue();
        return jdbc.sql("select subject, body from dev_outbox where to_address = :to and subject like 'Security notice%' order by created_at")
                .param("to", email).query((rs, n) -> new String[] { rs.getString("subject"), rs.getString("body") }).list();
    }

    private List<String> changesNoticed(UUID user) {
        return jdbc.sql("select credential_change from notification where user_id = :user and kind = 'CREDENTIAL_CHANGED'"
                + " order by created_at").param("user", user).query(String.class).list();
    }

    @Test
    void setupShowsTenCodesOnceAndKeepsOnlyTheirHashes() {
        Staff staff = enrolledStaff();
        List<String> stored = jdbc.sql("select code_hash from staff_recovery_code where user_id = :id")
                .param("id", idOf(staff.email())).query(String.class).list();
        assertThat(stored).hasSize(10);
        for (String code : staff.codes()) {
            String plain = code.replace("-", "");
            stored.forEach(hash -> assertThat(hash).doesNotContain(plain));
        }
        assertThat(audited("recovery-codes.issued", idOf(staff.email()))).isEqualTo(1);
    }

    @Test
    void aCodeSignsInOnceInPlaceOfTheAppsCodeOnThePagesAndTheApi() {
        Staff staff = enrolledStaff();
        UUID id = idOf(staff.email());

        PageSession session = atSecondStep(staff.email());
        var used = session.post("/login/two-step", Map.of("recoveryCode", staff.codes().get(0)));
        assertThat(used.status()).isEqualTo(302);
        assertThat(used.location()).endsWith("/app/settings/two-step?recoveryUsed");
        assertThat(session.get("/app/inbox").status()).isEqualTo(200);
        assertThat(session.get("/app/settings/two-step?recoveryUsed").body()).contains("You signed in with a recovery code")
                .contains("You have 9 unused recovery codes.").doesNotContain("Few recovery codes are left");

        PageSession twice = atSecondStep(staff.email());
        var refused = twice.post("/login/two-step", Map.of("recoveryCode", staff.codes().get(0)));
        assertThat(refused.status()).as("the same code again").isEqualTo(400);
        assertThat(refused.body()).contains("That recovery code is not right, or was already used.");
        assertThat(twice.get("/app/inbox").location()).endsWith("/login/two-step");

        // The API's otp takes a code too, typed as people type: upper case, spaces for the hyphen.
        assertThat(token(staff.email(), staff.codes().get(0)).status()).isEqualTo(401);
        String loose = staff.codes().get(1).toUpperCase(Locale.ROOT).replace("-", " ");
        assertThat(token(staff.email(), loose).status()).isEqualTo(200);
        var again = token(staff.email(), staff.codes().get(1));
        assertThat(again.status()).as("the same code again").isEqualTo(401);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(token(staff.email(), "zzzzz-zzzzz").status()).isEqualTo(401);
        // The app's codes still work beside them.
        assertThat(token(staff.email(), TwoStepCodes.code(staff.secret(), 1)).status()).isEqualTo(200);

        assertThat(audited("recovery-code.used", id)).isEqualTo(2);
        assertThat(changesNoticed(id)).containsExactly("RECOVERY_CODE_USED", "RECOVERY_CODE_USED");
        List<String[]> mail = mailTo(staff.email());
        assertThat(mail).hasSize(2);
        assertThat(mail.get(0)[0]).isEqualTo("Security notice: a recovery code was used");
        assertThat(mail.get(0)[1]).startsWith("A recovery code was used to sign in to your Bedside account at Riverside Family Medicine on ")
                .contains("If this was not you, call Riverside Family Medicine")
                .doesNotContain(staff.codes().get(0)).doesNotContain("Recovery Nurse");

        // Few left: the page says so.
        for (int i = 2; i < 8; i++) {
            assertThat(token(staff.email(), staff.codes().get(i)).status()).isEqualTo(200);
        }
        PageSession last = atSecondStep(staff.email());
        last.post("/login/two-step", Map.of("recoveryCode", staff.codes().get(8)));
        assertThat(last.get("/app/settings/two-step").body()).contains("You have 1 unused recovery code.")
                .contains("Few recovery codes are left");
    }

    @Test
    void thePageIsForStaffOnly() {
        PageSession patient = PageSession.signedIn(api.base(), io.bedside.support.Demo.ALICE);
        assertThat(patient.get("/app/settings/two-step").status()).isEqualTo(404);
        // A demo account (exempt from two-step sign-in) has no codes to make.
        PageSession kim = PageSession.signedIn(api.base(), io.bedside.support.Demo.KIM);
        assertThat(kim.get("/app/settings/two-step").body()).contains("Two-step sign-in is not turned on for this account");
        assertThat(kim.post("/app/settings/two-step/recovery-codes", Map.of("currentPassword", "demo-password")).location())
                .endsWith("/app/settings/two-step");
        assertThat(jdbc.sql("select count(*) from staff_recovery_code r join user_account u on u.id = r.user_id"
                + " where u.email = :email").param("email", io.bedside.support.Demo.KIM).query(Long.class).single()).isZero();
    }

    @Test
    void oneCodeSentTwiceAtTheSameMomentWorksOnce() throws InterruptedException {
        Staff staff = enrolledStaff();
        String code = staff.codes().get(3);
        Callable<Integer> use = () -> token(staff.email(), code).status();
        List<Integer> statuses = Race.statuses(List.of(use, use));
        assertThat(statuses).containsExactlyInAnyOrder(200, 401);
        assertThat(audited("recovery-code.used", idOf(staff.email()))).isEqualTo(1);
        assertThat(changesNoticed(idOf(staff.email()))).containsExactly("RECOVERY_CODE_USED");
    }

    @Test
    void newCodesNeedThePasswordAndVoidTheOldOnes() {
        Staff staff = enrolledStaff();
        UUID id = idOf(staff.email());
        PageSession session = atSecondStep(staff.email());
        assertThat(session.post("/login/two-step", Map.of("code", TwoStepCodes.code(staff.secret(), 1))).status()).isEqualTo(302);
        assertThat(session.get("/app/settings/security").body()).contains("/app/settings/two-step");

        var wrong = session.post("/app/settings/two-step/recovery-codes", Map.of("currentPassword", "not the password"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(codesOn(wrong.body())).isEmpty();
        assertThat(wrong.body()).contains("The current password is not correct.");
        assertThat(changesNoticed(id)).isEmpty();

        var made = session.post("/app/settings/two-step/recovery-codes", Map.of("currentPassword", PASSWORD));
        assertThat(made.status()).isEqualTo(302);
        var shown = session.get("/app/settings/two-step?regenerated");
        List<String> fresh = codesOn(shown.body());
        assertThat(fresh).hasSize(10).doesNotContainAnyElementsOf(staff.codes());
        assertThat(shown.body()).contains("Your earlier recovery codes no longer work.");
        assertThat(codesOn(session.get("/app/settings/two-step?regenerated").body())).as("shown once").isEmpty();

        assertThat(token(staff.email(), staff.codes().get(0)).status()).as("an old code").isEqualTo(401);
        assertThat(token(staff.email(), fresh.get(0)).status()).isEqualTo(200);

        assertThat(audited("recovery-codes.regenerated", id)).isEqualTo(1);
        assertThat(audited("recovery-codes.regenerated", id, false)).as("the wrong password").isEqualTo(1);
        assertThat(changesNoticed(id)).containsExactlyInAnyOrder("RECOVERY_CODES_REGENERATED", "RECOVERY_CODE_USED");
        List<String[]> mail = mailTo(staff.email());
        assertThat(mail).extracting(m -> m[0]).containsExactlyInAnyOrder("Security notice: new recovery codes",
                "Security notice: a recovery code was used");
        assertThat(mail).filteredOn(m -> m[0].equals("Security notice: new recovery codes")).singleElement()
                .satisfies(m -> assertThat(m[1]).contains("New recovery codes were made for your Bedside account at Riverside Family Medicine")
                        .doesNotContain(fresh.get(0)));
    }

    @Test
    void anAdminsResetOfTheAuthenticatorVoidsTheCodesAndIsToldToTheAccount() {
        Staff staff = enrolledStaff();
        UUID id = idOf(staff.email());
        PageSession lakeside = PageSession.signedIn(api.base(), LAKESIDE_ADMIN);
        lakeside.get("/app/admin/staff");
        assertThat(lakeside.post("/app/admin/staff/" + id + "/reset-two-step", Map.of()).status()).isEqualTo(404);
        assertThat(changesNoticed(id)).isEmpty();

        PageSession admin = PageSession.signedIn(api.base(), RIVERSIDE_ADMIN);
        admin.get("/app/admin/staff");
        assertThat(admin.post("/app/admin/staff/" + id + "/reset-two-step", Map.of()).status()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from staff_recovery_code where user_id = :id").param("id", id)
                .query(Long.class).single()).isZero();
        assertThat(token(staff.email(), staff.codes().get(0)).status()).isEqualTo(401);

        assertThat(audited("staff.two-step-reset", id)).isEqualTo(1);
        assertThat(changesNoticed(id)).containsExactly("AUTHENTICATOR_RESET");
        List<String[]> mail = mailTo(staff.email());
        assertThat(mail).hasSize(1);
        assertThat(mail.get(0)[0]).isEqualTo("Security notice: two-step sign-in was reset");
        assertThat(mail.get(0)[1]).contains("The two-step sign-in of your Bedside account at Riverside Family Medicine was reset");
    }
}
