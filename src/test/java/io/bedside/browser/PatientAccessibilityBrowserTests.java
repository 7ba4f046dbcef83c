package io.bedside.browser;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.PATEL;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.options.AriaRole;

import io.bedside.identity.Accounts;
import io.bedside.notification.NotificationDispatcher;
import io.bedside.patient.PatientDirectory;
import io.bedside.support.AxeCheck;
import io.bedside.support.BrowserTest;

/** axe-core finds no serious or critical violation on any patient page, in English or Spanish. */
class PatientAccessibilityBrowserTests extends BrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    io.bedside.identity.Passwords passwords;

    @Test
    void noSeriousOrCriticalViolationOnAnyPatientPage() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Accessible", "Checking the pages");
        demo.send(PATEL, id, "A reply to show both sides");
        page.navigate("/login");
        check("login");
        // A forgotten password: the request form and a reset link's form (looking spends nothing).
        var alice = demo.actor(ALICE);
        String reset = passwords.issueResetLink(alice.practiceId(), alice.userId()).orElseThrow();
        String resetPath = reset.substring(reset.indexOf("/reset-password/"));
        for (String lang : List.of("en", "es")) {
            for (String path : List.of("/forgot-password", resetPath, "/reset-password/not-a-real-link")) {
                page.navigate(path + "?lang=" + lang);
                check(path + " (" + lang + ")");
            }
        }
        page.navigate("/login?lang=en");
        signIn(page, ALICE);
        for (String lang : List.of("en", "es")) {
            for (String path : List.of("/app/conversations", "/app/conversations/new",
                    "/app/conversations/new?kind=refill", "/app/conversations/" + id, "/app/access", "/app/settings/notifications", "/app/settings/campaigns", "/app/settings/profile", "/app/settings/security",
                    "/app/conversations/" + UUID.randomUUID(), "/accessibility")) {
                page.navigate(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
                check(path + " (" + lang + ")");
            }
        }
    }

    @Autowired
    Accounts accounts;

    @Autowired
    PatientDirectory directory;

    @Autowired
    NotificationDispatcher dispatcher;

    @Test
    void aPatientOnHerPhoneChangesHerMobileNumberAndLanguageAndAsksForANewEmailAddress() {
        api.post("/api/v1/patients/import").token(demo.token(io.bedside.support.Demo.RIVERSIDE_ADMIN)).raw("text/csv",
                "external_id,given_name,family_name,birth_date,sex,email,phone,language\n"
                        + "PROFILE-1,Marta,Quintero,1988-08-08,female,marta@patients.example,+15555550111,en\n").send();
        var admin = demo.actor(io.bedside.support.Demo.RIVERSIDE_ADMIN);
        accounts.createPatientAccount(admin.practiceId(), directory.search(admin, "quintero").get(0).id(),
                "marta@patients.example", "demo-password");
        signIn(page, "marta@patients.example");

        openMenu(page);
        page.getByRole(AriaRole.LINK, new com.microsoft.playwright.Page.GetByRoleOptions().setName("My details")).click();
        page.waitForURL("**/app/settings/profile");
        check("/app/settings/profile");
        page.getByLabel("Mobile number").fill("12");
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator("[role=alert]").textContent()).contains("country code");
        check("/app/settings/profile with an error");

        page.getByLabel("Mobile number").fill("+1 555 555 0199");
        page.getByLabel("Español").check();
        page.getByLabel("Email address").fill("marta.new@example.org");
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Save")).click();
        page.waitForURL("**/app/settings/profile?saved");
        assertThat(page.locator("h1").textContent()).isEqualTo("Mis datos");
        assertThat(page.getByLabel("Teléfono móvil").inputValue()).isEqualTo("+15555550199");
        assertThat(page.locator("main").textContent()).contains("Esperando la confirmación de marta.new@example.org");
        check("/app/settings/profile (es, pending)");
        screenshot(getClass().getSimpleName() + "-profile-es");

        dispatcher.dispatchDue();
        String body = jdbc.sql("select body from dev_outbox where to_address = 'marta.new@example.org'")
                .query(String.class).single();
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("http://localhost:8080(/email-change/\\S+)").matcher(body);
        assertThat(link.find()).isTrue();
        var other = context.browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(PHONE_WIDTH, PHONE_HEIGHT).setBaseURL(api.base()));
        var mailbox = other.newPage();
        for (String lang : List.of("en", "es")) {
            mailbox.navigate(link.group(1) + "?lang=" + lang);
            AxeCheck.noSeriousViolations(mailbox, "/email-change (" + lang + ")");
        }
        mailbox.getByRole(AriaRole.BUTTON).filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Confirmar")).click();
        assertThat(mailbox.locator("main").textContent()).contains("marta.new@example.org");
        AxeCheck.noSeriousViolations(mailbox, "/email-change done");
        other.close();
    }

    private void check(String where) {
        AxeCheck.noSeriousViolations(page, where);
    }

    @org.springframework.beans.factory.annotation.Autowired
    io.bedside.identity.PatientLinks patientLinks;

    /** Pages reached without signing in: the statement, asking for a link, the link and invitation pages. */
    @Test
    void noSeriousOrCriticalViolationOnTheStatementAndTheLinkPages() {
        var added = api.post("/api/v1/patients").token(demo.token(io.bedside.support.Demo.KIM)).json(java.util.Map.of(
                "externalId", "AXE-1", "givenName", "Rosa", "familyName", "Delgado", "birthDate", "1966-06-16",
                "email", "rosa.axe@patients.example", "invite", true)).send();
        org.assertj.core.api.Assertions.assertThat(added.status()).as(added.toString()).isEqualTo(201);
        patientLinks.requestSignIn(ALICE, "10.20.30.40");
        dispatcher.dispatchDue();
        String welcome = linkTo("rosa.axe@patients.example", "/welcome/");
        String signIn = linkTo(ALICE, "/signin/");
        for (String lang : List.of("en", "es")) {
            for (String path : List.of("/accessibility", "/login", "/login/link", welcome, signIn,
                    "/signin/not-a-real-link", "/welcome/not-a-real-link")) {
                page.navigate(path + "?lang=" + lang);
                check(path.replaceAll("/[A-Za-z0-9_-]{30,}", "/{token}") + " (" + lang + ")");
            }
        }
        page.navigate("/accessibility?lang=es");
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("h1"))
                .hasText("Declaración de accesibilidad");
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("html")).hasAttribute("lang", "es");
    }

    /** The path of the newest link of this kind mailed to this address, from the demo mailbox. */
    private String linkTo(String email, String prefix) {
        for (var item : api.get("/api/v1/dev/outbox").token(demo.token(PATEL)).send().json().get("items")) {
            String text = item.get("text").asString();
            if (item.get("to").asString().equals(email) && text.contains(prefix)) {
                var found = java.util.regex.Pattern.compile(prefix + "[A-Za-z0-9_-]+").matcher(text);
                if (found.find()) {
                    return found.group();
                }
            }
        }
        throw new AssertionError("no " + prefix + " link for " + email);
    }
}
