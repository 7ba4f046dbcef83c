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
                    "/app/conversations/new?kind=refill", "/app/conversations/" + id, "/app/access", "/app/settings/notifications", "/app/settings/campaigns", "/app/settings/security",
                    "/app/conversations/" + UUID.randomUUID())) {
                page.navigate(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
                check(path + " (" + lang + ")");
            }
        }
    }

    private void check(String where) {
        AxeCheck.noSeriousViolations(page, where);
    }
}
