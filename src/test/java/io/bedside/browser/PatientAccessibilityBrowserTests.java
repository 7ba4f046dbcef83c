package io.bedside.browser;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.PATEL;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;


import io.bedside.support.AxeCheck;
import io.bedside.support.BrowserTest;

/** axe-core finds no serious or critical violation on any patient page, in English or Spanish. */
class PatientAccessibilityBrowserTests extends BrowserTest {

    @Test
    void noSeriousOrCriticalViolationOnAnyPatientPage() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Accessible", "Checking the pages");
        demo.send(PATEL, id, "A reply to show both sides");
        page.navigate("/login");
        check("login");
        signIn(page, ALICE);
        for (String lang : List.of("en", "es")) {
            for (String path : List.of("/app/conversations", "/app/conversations/new",
                    "/app/conversations/new?kind=refill", "/app/conversations/" + id, "/app/access", "/app/settings/notifications", "/app/settings/campaigns",
                    "/app/conversations/" + UUID.randomUUID(), "/accessibility")) {
                page.navigate(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
                check(path + " (" + lang + ")");
            }
        }
    }

    private void check(String where) {
        AxeCheck.noSeriousViolations(page, where);
    }

    @org.springframework.beans.factory.annotation.Autowired
    io.bedside.notification.NotificationDispatcher dispatcher;

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
        for (var item : api.get("/api/v1/dev/outbox").send().json().get("items")) {
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
