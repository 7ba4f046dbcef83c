package io.bedside.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.BOB;
import static io.bedside.support.Demo.KIM;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.bedside.support.BrowserTest;

/**
 * Bulk actions and snooze in the care team's inbox, in a real browser with htmx: check a few
 * conversations, set their priority, snooze one and find it in the Snoozed view; a conversation
 * the patient wrote in after it was selected is left alone and says why (the live refresh waits
 * while a selection is made, so the selection is not lost under the nurse's hands).
 */
class InboxBulkBrowserTests extends BrowserTest {

    @BeforeEach
    void atTheWorkstation() {
        useDesktop();
    }

    private void readEverythingAs(String staff) {
        String token = demo.token(staff);
        String cursor = null;
        do {
            var list = api.get("/api/v1/conversations?limit=100" + (cursor == null ? "" : "&cursor=" + cursor))
                    .token(token).send().json();
            for (var c : list.get("items")) {
                if (c.get("unreadCount").asLong() > 0) {
                    api.post("/api/v1/conversations/" + c.get("id").asString() + "/read").token(token)
                            .json(Map.of("seq", c.get("lastSeq").asLong())).send();
                }
            }
            cursor = list.hasNonNull("nextCursor") ? list.get("nextCursor").asString() : null;
        } while (cursor != null);
    }

    private Locator item(String subject) {
        return page.locator(".inbox-item", new Page.LocatorOptions().setHasText(subject));
    }

    private Locator box(String subject) {
        return item(subject).locator("input.bulk-check");
    }

    @Test
    void aNurseSetsPriorityOnSeveralSnoozesOneAndAStaleOneIsLeftAlone() {
        readEverythingAs(KIM);
        demo.startAsPatient(ALICE, "Dr. Patel", "Bulk browser one", "First question");
        demo.startAsPatient(BOB, "Dr. Patel", "Bulk browser two", "Second question");
        String third = demo.startAsPatient(ALICE, "Dr. Patel", "Bulk browser three", "Third question");

        signInStaff(page, KIM);
        page.navigate("/app/inbox?filter=unread");
        assertThat(page.locator("#inbox-results")).containsText("Bulk browser three");

        // Two selected, priority high: the list comes back in place with the outcome.
        box("Bulk browser one").check();
        box("Bulk browser two").check();
        page.locator("#bulk-priority").selectOption("high");
        page.locator("#bulk-form button[value=priority]").click();
        assertThat(page.locator("#inbox-results")).containsText("2 done, 0 could not be changed.");
        assertThat(item("Bulk browser one").locator(".priority-badge")).hasText("High");
        assertThat(item("Bulk browser two").locator(".priority-badge")).hasText("High");
        assertThat(box("Bulk browser one")).not().isChecked();

        // One snoozed for 3 days: it is in the Snoozed view, with the day it comes back.
        box("Bulk browser one").check();
        page.locator("#bulk-days").selectOption("3");
        page.locator("#bulk-form button[value=snooze]").click();
        assertThat(page.locator("#inbox-results")).containsText("1 done, 0 could not be changed.");
        page.locator(".views a[data-view=snoozed]").click();
        assertThat(page.locator("#inbox-results")).containsText("Bulk browser one");
        assertThat(item("Bulk browser one").locator(".badge.snoozed")).containsText("Snoozed until");
        page.navigate("/app/inbox?filter=open");
        assertThat(page.locator("#inbox-results")).not().containsText("Bulk browser one");

        // Selected, then the patient writes again before the nurse acts: it is left alone, and says why.
        page.navigate("/app/inbox?filter=unread");
        box("Bulk browser three").check();
        demo.send(ALICE, third, "One more thing before you close it");
        page.waitForTimeout(1000);
        assertThat(box("Bulk browser three")).isChecked(); // the live refresh waits: the selection stays
        page.locator("#bulk-form button[value=close]").click();
        assertThat(page.locator("#inbox-results")).containsText("0 done, 1 could not be changed.");
        assertThat(item("Bulk browser three")).containsText("changed since you selected it");
        assertThat(box("Bulk browser three")).isChecked();
        assertThat(item("Bulk browser three").locator(".status")).hasText("Open");
    }
}
