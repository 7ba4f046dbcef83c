package io.bedside.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.bedside.identity.Accounts;
import io.bedside.shared.StaffRole;
import io.bedside.support.AxeCheck;
import io.bedside.support.BrowserTest;
import io.bedside.support.TwoStepCodes;

/** A new nurse's first sign-in: the authenticator app is set up by scanning, then every sign-in asks for a code. */
class TwoStepBrowserTests extends BrowserTest {

    @Autowired
    Accounts accounts;

    @Test
    void aNewNurseSetsUpTheAuthenticatorAppAtTheFirstSignIn() {
        String email = "nurse-" + UUID.randomUUID().toString().substring(0, 8) + "@riverside.example";
        accounts.createStaff(demo.actor(RIVERSIDE_ADMIN).practiceId(), email, "copper lantern meadow", "Ana Lopez, RN",
                StaffRole.NURSE, "Nurse");
        useDesktop();
        page.navigate("/login");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill("copper lantern meadow");
        page.locator("form button[type=submit]").click();
        page.waitForURL("**/login/two-step/setup");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Set up two-step sign-in"))).isVisible();
        assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("QR code for your authenticator app"))).isVisible();
        AxeCheck.noSeriousViolations(page, "two-step set-up");
        String secret = TwoStepCodes.secretOn(page.content());
        screenshot("TwoStepBrowserTests-aNewNurseSetsUpTheAuthenticatorAppAtTheFirstSignIn-setup");

        page.getByLabel("The 6-digit code from your authenticator app").fill(TwoStepCodes.code(secret, 0));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn on two-step sign-in")).click();
        page.waitForURL("**/app/inbox");

        openMenu(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).first().click();
        page.navigate("/login");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill("copper lantern meadow");
        page.locator("form button[type=submit]").click();
        page.waitForURL("**/login/two-step");
        AxeCheck.noSeriousViolations(page, "two-step code");
        page.getByLabel("The 6-digit code from your authenticator app").fill(TwoStepCodes.code(secret, 1));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        page.waitForURL("**/app/inbox");
    }
}
