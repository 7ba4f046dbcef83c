package io.bedside.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.PATEL;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.bedside.support.BrowserTest;

/**
 * One event refreshes every live region of a page at once (the staff conversation page has three:
 * the due banner, the thread and triage). Each refresh must land: htmx's requests without a source
 * element all queue on the document's body, where a third request replaces the second one waiting,
 * so the region between (the thread) was never refreshed. live.js gives each region its own request,
 * and leaves a region alone when its refresh brings nothing new.
 */
class LiveRegionsBrowserTests extends BrowserTest {

    @Test
    void aPatientsNewMessageAndATriageChangeReachEveryRegionOfTheStaffPageLive() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Swollen ankle", "Since yesterday evening.");
        useDesktop();
        signInStaff(page, KIM);
        page.navigate("/app/conversations/" + id);
        assertThat(page.locator("#triage .priority")).hasText("Routine");

        // One event (message.created): the due banner, the thread and triage all ask for theirs at once.
        demo.send(ALICE, id, "It is worse this morning.");
        assertThat(page.locator("#thread")).containsText("It is worse this morning.");

        demo.triage(PATEL, id, Map.of("priority", "urgent"));
        assertThat(page.locator("#triage .priority")).hasText("Urgent");
        assertThat(page.locator("#due")).containsText("Urgent");

        // A refresh that brings what a region already shows leaves it as it is: the status select
        // the reader may be about to use is the same element afterwards, not a copy swapped in.
        // (A property, not an attribute: an attribute would itself make the region differ.)
        page.locator("#triage select#status").evaluate("select => { select.keptForTest = true; }");
        demo.send(ALICE, id, "And now it is red.");
        assertThat(page.locator("#thread")).containsText("And now it is red.");
        org.assertj.core.api.Assertions.assertThat(
                page.locator("#triage select#status").evaluate("select => select.keptForTest === true"))
                .as("the same select element").isEqualTo(true);
    }
}
