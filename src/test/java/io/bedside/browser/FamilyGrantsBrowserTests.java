package io.bedside.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.BOB;
import static io.bedside.support.Demo.PATEL;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import io.bedside.support.BrowserTest;

/**
 * Granting family access in the app (issue 16): a member of staff gives a caregiver access from the
 * patient's page and ends it; an adult patient adds a caregiver from their own settings and removes
 * them.
 */
class FamilyGrantsBrowserTests extends BrowserTest {

    @Test
    void staffGiveACaregiverAccessFromThePatientsPageAndEndIt() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String bob = demo.me(BOB).get("patientId").asString();
        useDesktop();
        signInStaff(page, PATEL);
        page.navigate("/app/patients/" + bob);
        Locator family = page.locator("#family");
        assertThat(family.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setName("Family access").setExact(true)))
                .isVisible();
        family.getByLabel("Their name").fill("Jordan Reyes " + tag);
        family.getByLabel("Their email address").fill("jordan-" + tag + "@example.org");
        family.getByLabel("Relationship").selectOption(new SelectOption().setValue("caregiver"));
        family.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Give access")).click();
        page.waitForURL(java.util.regex.Pattern.compile(".*proxyGranted.*"));
        Locator granted = page.locator("#family .grants li", new Page.LocatorOptions().setHasText("Jordan Reyes " + tag));
        assertThat(granted).containsText("caregiver");
        assertThat(page.locator("#family")).containsText("we emailed them a link");

        // A second grant to the same person is refused with a reason, and changes nothing.
        family = page.locator("#family");
        family.getByLabel("Their name").fill("Jordan Reyes " + tag);
        family.getByLabel("Their email address").fill("jordan-" + tag + "@example.org");
        family.getByLabel("Relationship").selectOption(new SelectOption().setValue("caregiver"));
        family.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Give access")).click();
        assertThat(page.locator("#family .notice.error")).isVisible();
        assertThat(page.locator("#family .grants li", new Page.LocatorOptions().setHasText("Jordan Reyes " + tag)))
                .hasCount(1);

        granted.getByRole(AriaRole.BUTTON).click();
        page.waitForURL(java.util.regex.Pattern.compile(".*proxyRevoked.*"));
        assertThat(page.locator("#family")).containsText("their access has ended");
        assertThat(page.locator("#family .grants li", new Page.LocatorOptions().setHasText("Jordan Reyes " + tag)))
                .hasCount(0);
        screenshot("staff-grant");
    }

    @Test
    void anAdultPatientAddsACaregiverAndRemovesThem() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        signIn(page, ALICE);
        openMenu(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Family access")).click();
        page.waitForURL("**/app/settings/family");
        page.getByLabel("Their name").fill("Sam Walker " + tag);
        page.getByLabel("Their email address").fill("sam-" + tag + "@example.org");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Give access")).click();
        page.waitForURL("**/app/settings/family?added");
        Locator caregiver = page.locator(".grants li", new Page.LocatorOptions().setHasText("Sam Walker " + tag));
        assertThat(caregiver).containsText("caregiver");
        caregiver.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove Sam Walker " + tag)).click();
        page.waitForURL("**/app/settings/family?removed");
        assertThat(page.locator(".grants li", new Page.LocatorOptions().setHasText("Sam Walker " + tag))).hasCount(0);
        screenshot("caregiver-added-removed");
    }
}
