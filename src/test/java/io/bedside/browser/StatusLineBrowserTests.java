package io.bedside.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.KIM;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.bedside.support.AxeCheck;
import io.bedside.support.BrowserTest;

/**
 * The patient's status line changes live (issue 19): Alice keeps her conversation open on her phone
 * while a nurse, in a second browser, opens it, takes it and answers it; her page never reloads,
 * and each step appears in the status line (a polite live region) as it happens.
 */
class StatusLineBrowserTests extends BrowserTest {

    @Test
    void theStatusLineFollowsTheNurseWithoutAReload() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Sore throat", "My throat hurts since Sunday.");
        signIn(page, ALICE);
        page.navigate("/app/conversations/" + id);
        var line = page.locator("#status-line");
        assertThat(line.locator(".status-stage")).hasText("Received: your message reached the care team");
        assertThat(line).containsText("Your care team will answer by");
        assertThat(page.locator(".status-line-live")).hasAttribute("role", "status");
        assertThat(page.locator(".status-line-live")).hasAttribute("aria-live", "polite");
        assertThat(line.locator("li[aria-current=step]")).containsText("Received");
        AxeCheck.noSeriousViolations(page, "status line, received");
        // A mark on the window that a reload would wipe out.
        page.evaluate("() => { window.__sameWindow = true; }");
        waitForLiveStream(page);

        Page nurse = newDesktopContext().newPage();
        signInStaff(nurse, KIM);
        nurse.navigate("/app/conversations/" + id);
        assertThat(line.locator(".status-stage")).hasText("Read by the care team");
        assertThat(line.locator("li[aria-current=step]")).containsText("Read by the care team");

        nurse.locator("[data-shortcut=assign-to-me]").click();
        assertThat(nurse.locator("#triage .assignee")).hasText("Assigned to Jenny Kim, RN");
        assertThat(line.locator(".status-stage")).hasText("Being handled by Jenny Kim, RN");
        assertThat(line).containsText("Your care team will answer by");

        nurse.locator("#reply-body").fill("Gargle with warm salt water; write again if you have a fever.");
        nurse.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send").setExact(true)).click();
        assertThat(nurse.locator("#thread")).containsText("Gargle with warm salt water");

        assertThat(line.locator(".status-stage")).hasText("Answered");
        assertThat(line).not().containsText("Your care team will answer by");
        assertThat(line.locator("li.done")).hasCount(3);
        assertThat(page.locator("#thread")).containsText("Gargle with warm salt water");
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => window.__sameWindow === true"))
                .as("no reload").isEqualTo(true);
        AxeCheck.noSeriousViolations(page, "status line, answered");

        // Her list of conversations says it in short.
        page.navigate("/app/conversations");
        assertThat(page.locator("a.conversation-link", new Page.LocatorOptions().setHasText("Sore throat"))
                .locator(".status-stage")).hasText("Answered");
        nurse.context().close();
    }
}
