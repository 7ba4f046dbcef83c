package io.bedside.browser;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.bedside.support.AxeCheck;
import io.bedside.support.BrowserTest;

/** axe-core finds no serious or critical violation on any staff or admin page, in English or Spanish. */
class StaffAccessibilityBrowserTests extends BrowserTest {

    @Test
    void noSeriousOrCriticalViolationOnAnyStaffPage() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Accessible workspace", "Checking the staff pages");
        demo.note(KIM, id, "An internal note to show");
        demo.triage(KIM, id, Map.of("priority", "urgent"));
        String alice = demo.me(ALICE).get("patientId").asString();
        String team = demo.team(RIVERSIDE_ADMIN, "Billing");
        String template = jdbc.sql("select id from reply_template where owner_id is null and name = 'Appointment booked'")
                .query(java.util.UUID.class).single().toString();
        String campaign = api.post("/api/v1/campaigns").token(demo.token(RIVERSIDE_ADMIN)).json(Map.of(
                "name", "Accessible campaign", "careTeamId", demo.team(KIM, "Dr. Patel"),
                "cohort", Map.of("tags", List.of("nobody-has-this-tag")), "messages", Map.of("en", "Hi {firstName}")))
                .send().json().get("id").asString();
        useDesktop();
        signInStaff(page, RIVERSIDE_ADMIN);
        for (String lang : List.of("en", "es")) {
            for (String path : List.of("/app/inbox", "/app/inbox?filter=all", "/app/inbox?filter=urgent&kind=question",
                    "/app/conversations/" + id, "/app/patients", "/app/patients?q=walker", "/app/patients/" + alice,
                    "/app/conversations/new?patient=" + alice, "/app/templates", "/app/templates/" + template,
                    "/app/admin/teams", "/app/admin/teams/" + team, "/app/admin/staff",
                    "/app/admin/audit", "/app/admin/audit?patient=" + alice, "/app/admin/practice",
                    "/app/admin/notifications", "/app/settings/notifications", "/app/settings/security", "/app/dev/mailbox",
                    "/app/campaigns", "/app/campaigns/new", "/app/campaigns/" + campaign,
                    "/unsubscribe/not-a-real-link-for-axe", "/app/patients/" + alice + "/contact", "/accessibility",
                    "/app/settings/coverage")) {
                page.navigate(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
                AxeCheck.noSeriousViolations(page, path + " (" + lang + ")");
            }
        }
        for (String lang : List.of("en", "es")) {
            page.navigate("/app/patients?lang=" + lang);
            page.locator("details.add-patient summary").click();
            AxeCheck.noSeriousViolations(page, "add a patient (" + lang + ")");
        }
        page.setViewportSize(PHONE_WIDTH, PHONE_HEIGHT);
        page.navigate("/app/conversations/" + id + "?lang=en");
        AxeCheck.noSeriousViolations(page, "conversation on a phone");
    }

    @org.springframework.beans.factory.annotation.Autowired
    io.bedside.admin.PracticeAdministration administration;

    @org.springframework.beans.factory.annotation.Autowired
    io.bedside.identity.Accounts accounts;

    /** A new member of staff's pages: the invitation, then two-step set-up and the code, in both languages. */
    @Test
    void noSeriousOrCriticalViolationOnTheInvitationAndTwoStepPages() {
        var invitation = administration.invite(demo.actor(RIVERSIDE_ADMIN), "axe.invite@riverside.example", "Axel Invite",
                "nurse", "Nurse");
        String invite = invitation.link().substring(invitation.link().indexOf("/invite/"));
        String email = "axe.twostep@riverside.example";
        accounts.createStaff(demo.actor(RIVERSIDE_ADMIN).practiceId(), email, "copper lantern meadow", "Ana Axe, RN",
                io.bedside.shared.StaffRole.NURSE, "Nurse");
        useDesktop();
        for (String lang : List.of("en", "es")) {
            page.navigate(invite + "?lang=" + lang);
            AxeCheck.noSeriousViolations(page, "staff invitation (" + lang + ")");
            page.navigate("/accessibility?lang=" + lang);
            AxeCheck.noSeriousViolations(page, "accessibility, signed out (" + lang + ")");
        }
        signInWithPassword(email, "copper lantern meadow");
        page.waitForURL("**/login/two-step/setup");
        for (String lang : List.of("en", "es")) {
            page.navigate("/login/two-step/setup?lang=" + lang);
            AxeCheck.noSeriousViolations(page, "two-step set-up (" + lang + ")");
        }
        page.navigate("/accessibility?lang=en");
        AxeCheck.noSeriousViolations(page, "accessibility during two-step set-up");
        page.navigate("/login/two-step/setup?lang=en");
        String secret = io.bedside.support.TwoStepCodes.secretOn(page.content());
        page.getByLabel("The 6-digit code from your authenticator app").fill(io.bedside.support.TwoStepCodes.code(secret, 0));
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Turn on two-step sign-in")).click();
        page.waitForURL("**/app/settings/two-step");
        AxeCheck.noSeriousViolations(page, "recovery codes, shown once");
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("I have saved them: continue")).click();
        AxeCheck.noSeriousViolations(page, "passkey offer at the end of the setup");
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Not now")).click();
        page.waitForURL("**/app/inbox");
        // Spanish first: the language chosen last stays for the rest of the test.
        for (String lang : List.of("es", "en")) {
            page.navigate("/app/settings/two-step?lang=" + lang);
            AxeCheck.noSeriousViolations(page, "two-step settings (" + lang + ")");
        }
        openMenu(page);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Sign out")).first().click();
        signInWithPassword(email, "copper lantern meadow");
        page.waitForURL("**/login/two-step");
        for (String lang : List.of("en", "es")) {
            page.navigate("/login/two-step?lang=" + lang);
            AxeCheck.noSeriousViolations(page, "two-step code (" + lang + ")");
        }
    }

    private void signInWithPassword(String email, String password) {
        page.navigate("/login?lang=en");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(password);
        page.locator("form button[type=submit]").click();
    }
}
