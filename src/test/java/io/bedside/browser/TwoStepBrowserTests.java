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

    /** A new nurse signs in with her password for the first time: she lands on the two-step set-up. */
    private String newNurseAtTheSetUp(String name) {
        String email = "nurse-" + UUID.randomUUID().toString().substring(0, 8) + "@riverside.example";
        accounts.createStaff(demo.actor(RIVERSIDE_ADMIN).practiceId(), email, "copper lantern meadow", name,
                StaffRole.NURSE, "Nurse");
        useDesktop();
        page.navigate("/login");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill("copper lantern meadow");
        page.locator("form button[type=submit]").click();
        page.waitForURL("**/login/two-step/setup");
        return email;
    }

    @Test
    void aNewNurseSetsUpTheAuthenticatorAppAtTheFirstSignIn() {
        String email = newNurseAtTheSetUp("Ana Lopez, RN");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Set up two-step sign-in"))).isVisible();
        assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("QR code for your authenticator app"))).isVisible();
        AxeCheck.noSeriousViolations(page, "two-step set-up");
        String secret = TwoStepCodes.secretOn(page.content());
        screenshot("TwoStepBrowserTests-aNewNurseSetsUpTheAuthenticatorAppAtTheFirstSignIn-setup");

        page.getByLabel("The 6-digit code from your authenticator app").fill(TwoStepCodes.code(secret, 0));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn on two-step sign-in")).click();
        // The recovery codes, shown once, then on to the inbox.
        page.waitForURL("**/app/settings/two-step");
        assertThat(page.locator(".recovery-code")).hasCount(10);
        AxeCheck.noSeriousViolations(page, "recovery codes");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("I have saved them: continue")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Not now")).click();
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

    @Test
    void aNurseWhoLostTheirPhoneSignsInWithARecoveryCode() {
        String email = newNurseAtTheSetUp("Rosa Diaz, RN");
        String secret = TwoStepCodes.secretOn(page.content());
        page.getByLabel("The 6-digit code from your authenticator app").fill(TwoStepCodes.code(secret, 0));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn on two-step sign-in")).click();
        page.waitForURL("**/app/settings/two-step");
        java.util.List<String> codes = page.locator(".recovery-code").allTextContents();
        org.assertj.core.api.Assertions.assertThat(codes).hasSize(10);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("I have saved them: continue")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Not now")).click();
        page.waitForURL("**/app/inbox");

        openMenu(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).first().click();
        page.navigate("/login");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill("copper lantern meadow");
        page.locator("form button[type=submit]").click();
        page.waitForURL("**/login/two-step");
        page.getByText("Use a recovery code instead").click();
        page.getByLabel("One of your recovery codes (like ab3de-fg4hj)").fill(codes.get(0));
        AxeCheck.noSeriousViolations(page, "two-step code with a recovery code");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with the recovery code")).click();
        page.waitForURL("**/app/settings/two-step?recoveryUsed");
        assertThat(page.locator("body")).containsText("You have 9 unused recovery codes.");
        screenshot("TwoStepBrowserTests-aNurseWhoLostTheirPhoneSignsInWithARecoveryCode");
        page.navigate("/app/inbox");
        page.waitForURL("**/app/inbox");
    }
}
