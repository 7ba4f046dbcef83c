package io.bedside.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.bedside.support.AxeCheck;
import io.bedside.support.BrowserTest;

/**
 * Needs a visit (issue 19), three people in three browsers: a nurse turns Alice's message into a
 * visit request, Alice gives her preferred times from the card in her thread, the front desk (the
 * practice admin) books it from the queue, and Alice's open page shows it booked without a reload.
 */
class VisitRequestBrowserTests extends BrowserTest {

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void aNurseAsksForAVisitThePatientGivesTimesAndTheFrontDeskBooksIt() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Ankle still swollen", "It has been two weeks now.");
        LocalDate chicago = LocalDate.now(ZoneId.of("America/Chicago"));

        // The nurse, at her desk: one form from the conversation.
        Page nurse = newDesktopContext().newPage();
        signInStaff(nurse, KIM);
        nurse.navigate("/app/conversations/" + id);
        nurse.getByRole(AriaRole.LINK, named("Needs a visit")).click();
        nurse.getByLabel("Reason for the visit", new Page.GetByLabelOptions().setExact(true)).fill("Swollen ankle for two weeks: examine it");
        nurse.getByLabel("Soon", new Page.GetByLabelOptions().setExact(true)).check();
        nurse.getByLabel("Video", new Page.GetByLabelOptions().setExact(true)).check();
        AxeCheck.noSeriousViolations(nurse, "needs a visit form");
        nurse.getByRole(AriaRole.BUTTON, named("Ask the patient for preferred times")).click();
        nurse.waitForURL("**/app/conversations/" + id);
        assertThat(nurse.locator("[data-card=visit-request]")).containsText("Status: Requested");

        // Alice, on her phone: the card in her thread leads to the preferred-times form.
        signIn(page, ALICE);
        page.navigate("/app/conversations/" + id);
        var card = page.locator("[data-card=visit-request]");
        assertThat(card).containsText("Video visit · Soon");
        assertThat(card).containsText("Swollen ankle for two weeks");
        assertThat(page.locator("#thread")).containsText("Your care team would like to see you");
        card.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Choose your preferred times")).click();
        page.locator("#date1").fill(chicago.plusDays(2).toString());
        page.locator("#part1").selectOption("morning");
        page.locator("#date2").fill(chicago.plusDays(3).toString());
        page.locator("#part2").selectOption("afternoon");
        page.getByLabel("Anything the front desk should know (optional)", new Page.GetByLabelOptions().setExact(true)).fill("Mornings before 10 are best");
        AxeCheck.noSeriousViolations(page, "preferred times form");
        page.getByRole(AriaRole.BUTTON, named("Send my preferred times")).click();
        page.waitForURL("**/app/conversations/" + id);
        assertThat(page.locator("#thread")).containsText("your preferred times have reached the front desk");
        page.evaluate("() => { window.__sameWindow = true; }");

        // The front desk: the queue, filtered, then the request; books a time directly.
        Page desk = newDesktopContext().newPage();
        signInStaff(desk, RIVERSIDE_ADMIN);
        desk.navigate("/app/visit-requests");
        desk.getByRole(AriaRole.LINK, named("Requested")).click();
        var row = desk.locator("tr", new Page.LocatorOptions().setHasText("Video visit · Soon")).last();
        assertThat(row).containsText("Alice");
        AxeCheck.noSeriousViolations(desk, "visit request queue");
        row.getByRole(AriaRole.LINK).click();
        assertThat(desk.locator(".preferred-times")).containsText("morning");
        assertThat(desk.locator(".visit-request")).containsText("Mornings before 10 are best");
        desk.getByLabel("Date and time", new Page.GetByLabelOptions().setExact(true)).fill(chicago.plusDays(2) + "T09:30");
        desk.getByRole(AriaRole.BUTTON, named("Book this time")).click();
        assertThat(desk.locator(".visit-status")).hasText("Booked");
        desk.navigate("/app/visit-requests?status=booked");
        assertThat(desk.locator(".visit-queue")).containsText("Alice");

        // Alice's page, still open, shows it booked: no reload.
        assertThat(page.locator("[data-card=visit-request]")).containsText("Status: Booked");
        assertThat(page.locator("[data-card=visit-request]")).containsText("9:30");
        assertThat(page.locator("#thread")).containsText("Your video visit is booked for");
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => window.__sameWindow === true"))
                .as("no reload").isEqualTo(true);
        nurse.context().close();
        desk.context().close();
    }
}
