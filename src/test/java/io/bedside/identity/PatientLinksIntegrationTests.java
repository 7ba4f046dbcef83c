package io.bedside.identity;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import io.bedside.notification.NotificationDispatcher;
import io.bedside.patient.PatientDirectory;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import io.bedside.support.Demo;
import io.bedside.support.MovableClock;
import io.bedside.support.PageSession;
import io.bedside.support.Race;

/** Patients in by email link: the invitation after an import, and sign-in by link plus date of birth. */
@Import(MovableClock.Config.class)
@BothDatabases
class PatientLinksIntegrationTests extends ApplicationTest {

    private static final Pattern LINK = Pattern.compile("http://localhost:8080(/(?:welcome|signin)/[A-Za-z0-9_-]{43})");

    @Autowired
    MovableClock clock;

    @Autowired
    NotificationDispatcher dispatcher;

    @Autowired
    PatientDirectory directory;

    @BeforeEach
    void now() {
        clock.set(Instant.now());
    }

    private String importPatient(String id, String email, String birth) {
        var report = api.post("/api/v1/patients/import").token(demo.token(RIVERSIDE_ADMIN)).raw("text/csv",
                "external_id,given_name,family_name,birth_date,sex,email\n" + id + ",Pat," + id.replace("-", "")
                        + "," + birth + ",female," + email + "\n").send();
        assertThat(report.status()).isEqualTo(200);
        return directory.search(demo.actor(RIVERSIDE_ADMIN), id.replace("-", "").toLowerCase()).get(0).id().toString();
    }

    /** The path of the newest link emailed to the address, as the dev mailbox caught it. */
    private String linkFor(String email) {
        dispatcher.dispatchDue();
        String body = jdbc.sql("select body from dev_outbox where to_address = :to order by created_at desc limit 1")
                .param("to", email).query(String.class).single();
        Matcher m = LINK.matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }

    @Test
    void anImportedPatientIsInvitedSetsAPasswordOnceAndLandsInTheirInbox() {
        String patient = importPatient("INV-1", "inv1@patients.example", "1977-07-07");
        PageSession admin = PageSession.signedIn(api.base(), RIVERSIDE_ADMIN);
        admin.get("/app/patients/" + patient);
        var invited = admin.post("/app/admin/patients/" + patient + "/invite", Map.of());
        assertThat(invited.status()).isEqualTo(302);
        String path = linkFor("inv1@patients.example");
        String subject = jdbc.sql("select subject from dev_outbox where to_address = 'inv1@patients.example'")
                .query(String.class).single();
        assertThat(subject).isEqualTo("Your invitation to Riverside Family Medicine on Bedside");

        PageSession browser = new PageSession(api.base());
        assertThat(browser.get(path).status()).isEqualTo(200);
        assertThat(browser.get(path).body()).as("a mail scanner's GET spends nothing").contains("Confirm your date of birth");
        assertThat(browser.post(path, Map.of("birthDate", "1977-07-08", "password", "lantern river cobalt",
                "confirmation", "lantern river cobalt")).body()).contains("does not match our records");
        assertThat(browser.post(path, Map.of("birthDate", "1977-07-07", "password", "short", "confirmation", "short"))
                .status()).isEqualTo(400);
        assertThat(browser.post(path, Map.of("birthDate", "1977-07-07", "password", "iloveyou1234",
                "confirmation", "iloveyou1234")).body()).contains("attackers try first");
        var done = browser.post(path, Map.of("birthDate", "1977-07-07", "password", "lantern river cobalt",
                "confirmation", "lantern river cobalt"));
        assertThat(done.status()).isEqualTo(302);
        assertThat(done.location()).endsWith("/app/settings/passkeys?welcome");
        assertThat(browser.get("/app/conversations").status()).isEqualTo(200);
        assertThat(new PageSession(api.base()).get(path).status()).as("spent").isEqualTo(404);
        assertThat(api.signIn("inv1@patients.example", "lantern river cobalt")).isNotBlank();

        admin.get("/app/patients/" + patient);
        assertThat(admin.post("/app/admin/patients/" + patient + "/invite", Map.of()).status())
                .as("already signed up").isEqualTo(409);
    }

    @Test
    void askingForASignInLinkAnswersTheSameForKnownAndUnknownAddresses() {
        PageSession known = new PageSession(api.base());
        known.get("/login/link");
        var forAlice = known.post("/login/link", Map.of("email", ALICE));
        PageSession unknown = new PageSession(api.base());
        unknown.get("/login/link");
        var forNobody = unknown.post("/login/link", Map.of("email", "nobody@patients.example"));
        assertThat(forAlice.status()).isEqualTo(forNobody.status()).isEqualTo(200);
        assertThat(strip(forAlice.body())).isEqualTo(strip(forNobody.body()));
        dispatcher.dispatchDue();
        assertThat(jdbc.sql("select count(*) from dev_outbox where to_address = 'nobody@patients.example'")
                .query(Long.class).single()).isZero();
        assertThat(linkFor(ALICE)).startsWith("/signin/");
    }

    private static String strip(String page) {
        return page.replaceAll("value=\"[^\"]*\"", "").replaceAll("content=\"[^\"]*\"", "");
    }

    @Test
    void aSignInLinkWithTheDateOfBirthSignsInOnceAndExpiresAfterFifteenMinutes() throws Exception {
        PageSession asker = new PageSession(api.base());
        asker.get("/login/link");
        asker.post("/login/link", Map.of("email", ALICE));
        String path = linkFor(ALICE);
        PageSession browser = new PageSession(api.base());
        assertThat(browser.get(path).status()).isEqualTo(200);
        assertThat(browser.post(path, Map.of("birthDate", "1985-03-15")).status()).isEqualTo(400);

        int tries = 50;
        List<PageSession> browsers = new ArrayList<>();
        for (int i = 0; i < tries; i++) {
            PageSession b = new PageSession(api.base());
            b.get(path);
            browsers.add(b);
        }
        List<Callable<Integer>> redeems = new ArrayList<>();
        for (PageSession b : browsers) {
            redeems.add(() -> b.post(path, Map.of("birthDate", "1985-03-14")).status());
        }
        List<Integer> statuses = Race.statuses(redeems);
        // The date of birth is counted before it is checked: past the account's limit, or while two
        // checks wait, a redeem is refused (429) and spends nothing.
        assertThat(statuses).allMatch(status -> status == 302 || status == 404 || status == 429);
        assertThat(statuses.stream().filter(status -> status == 302).count()).isEqualTo(1);

        asker.get("/login/link");
        asker.post("/login/link", Map.of("email", ALICE));
        String later = linkFor(ALICE);
        clock.advance(Duration.ofMinutes(16));
        demo = new Demo(api);
        assertThat(new PageSession(api.base()).get(later).status()).isEqualTo(404);
    }

    @Test
    void aPatientWithoutAnEmailCannotBeInvited() {
        String patient = importPatient("INV-2", "", "1960-01-01");
        PageSession admin = PageSession.signedIn(api.base(), RIVERSIDE_ADMIN);
        admin.get("/app/patients/" + patient);
        assertThat(admin.post("/app/admin/patients/" + patient + "/invite", Map.of()).status()).isEqualTo(400);
    }
}
