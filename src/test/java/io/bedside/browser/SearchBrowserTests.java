package io.bedside.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.KIM;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import io.bedside.support.AxeCheck;
import io.bedside.support.BrowserTest;

/**
 * Message search in a real browser (issue 17): a patient writes about a rash cream, a nurse finds
 * it from the inbox by a word and by the beginning of one, sees the words marked and opens the
 * conversation at the message; a patient searches their own messages on a phone. axe finds no
 * serious or critical violation on either results page. The demo database is shared by the whole
 * suite: each test searches for a made-up word of its own besides "rash".
 */
class SearchBrowserTests extends BrowserTest {

    /** A made-up word no other test writes. */
    private static String word() {
        StringBuilder w = new StringBuilder("Zor");
        for (int i = 0; i < 7; i++) {
            w.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return w.toString();
    }

    @Test
    void aNurseFindsThePatientsMessageByAWordAndAPrefixAndOpensIt() {
        String tag = word();
        // Alice writes on her phone.
        signIn(page, ALICE);
        page.navigate("/app/conversations/new?kind=question");
        page.getByLabel("Care team").selectOption(new SelectOption().setLabel("Dr. Patel's team"));
        page.getByLabel("Subject").fill("Skin question " + tag);
        page.getByLabel("Your message").fill("The rash cream you gave me for my arm is almost finished. " + tag);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        page.waitForURL("**/app/conversations/*");
        String conversation = page.url().replaceAll(".*/app/conversations/([0-9a-f-]{36}).*", "$1");

        // The nurse, at her desk, searches from the inbox.
        BrowserContext desk = newDesktopContext();
        try {
            Page nurse = desk.newPage();
            signInStaff(nurse, KIM);
            nurse.getByRole(AriaRole.SEARCH).getByLabel("Search messages").fill("rash " + tag);
            nurse.getByRole(AriaRole.SEARCH).getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                    .setName("Search")).click();
            nurse.waitForURL(Pattern.compile(".*/app/search\\?.*q=rash.*"));
            assertThat(nurse.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Search messages")))
                    .isVisible();
            var hits = nurse.locator(".search-hit");
            assertThat(hits).hasCount(1);
            assertThat(hits.first().getByRole(AriaRole.HEADING)).containsText("Alice Walker");
            assertThat(hits.first().getByRole(AriaRole.HEADING)).containsText("Skin question " + tag);
            assertThat(hits.first().locator(".excerpt mark")).hasText(new String[] { "rash", tag });
            assertThat(nurse.getByLabel("Words to find")).hasValue("rash " + tag);
            AxeCheck.noSeriousViolations(nurse, "staff search results");
            nurse.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(java.nio.file.Path.of("target", "screenshots", "SearchBrowserTests-staff-results.png")));
            nurse.navigate(nurse.url() + "&lang=es");
            AxeCheck.noSeriousViolations(nurse, "staff search results (es)");
            nurse.navigate("/app/search?lang=en");
            AxeCheck.noSeriousViolations(nurse, "staff search form");

            // The beginning of the words is enough.
            nurse.getByLabel("Words to find").fill("ras " + tag.substring(0, 6));
            nurse.getByRole(AriaRole.SEARCH).getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                    .setName("Search")).click();
            nurse.waitForURL(Pattern.compile(".*/app/search\\?.*q=ras.*"));
            assertThat(nurse.locator(".search-hit")).hasCount(1);
            assertThat(nurse.locator(".search-hit .excerpt mark")).hasText(new String[] { "rash", tag });

            // Opening the hit lands on the conversation, at the message.
            nurse.locator(".search-hit h3 a").click();
            nurse.waitForURL("**/app/conversations/" + conversation + "#m1");
            assertThat(nurse.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Skin question " + tag)))
                    .isVisible();
            assertThat(nurse.locator("#m1")).containsText("The rash cream you gave me");
        } finally {
            desk.close();
        }
    }

    @Test
    void aPatientSearchesTheirOwnMessagesOnAPhone() {
        String tag = word();
        String conversation = demo.startAsPatient(ALICE, "Dr. Patel", "Cream " + tag, "Is the rash cream safe? " + tag);
        demo.send(KIM, conversation, "Yes, twice a day. " + tag);
        demo.note(KIM, conversation, "Checked the rash cream dose. " + tag);

        signIn(page, ALICE);
        page.getByRole(AriaRole.SEARCH).getByLabel("Search messages").fill(tag);
        page.getByRole(AriaRole.SEARCH).getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Search")).click();
        page.waitForURL(Pattern.compile(".*/app/search\\?.*"));
        var hits = page.locator(".search-hit");
        assertThat(hits).hasCount(2);
        assertThat(hits.nth(0)).containsText("Yes, twice a day.");
        assertThat(hits.nth(1)).containsText("Is the rash cream safe?");
        assertThat(page.locator("main")).not().containsText("Checked the rash cream dose");
        assertThat(page.locator("main")).not().containsText("Internal note");
        assertThat(hits.nth(1).locator("mark").first()).hasText(tag);
        AxeCheck.noSeriousViolations(page, "patient search results");
        screenshot("SearchBrowserTests-patient-results");
        page.navigate(page.url() + "&lang=es");
        AxeCheck.noSeriousViolations(page, "patient search results (es)");
        page.navigate("/app/search?q=" + tag + "&lang=en");

        // Nothing found says what to try.
        page.getByLabel("Words to find").fill("nothingatall" + tag);
        page.getByRole(AriaRole.SEARCH).getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Search")).click();
        assertThat(page.getByText("No message matches.")).isVisible();

        page.navigate("/app/search?q=" + tag + "&lang=en");
        page.locator(".search-hit h3 a").first().click();
        page.waitForURL("**/app/conversations/" + conversation + "#m2");
        assertThat(page.locator("#m2")).containsText("Yes, twice a day.");
    }
}
