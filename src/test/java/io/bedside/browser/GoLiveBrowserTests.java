package io.bedside.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.bedside.BedsideApplication;
import io.bedside.support.AxeCheck;
import io.bedside.support.BrowserTest;
import io.bedside.support.TwoStepCodes;

/**
 * The first admin of a new practice, made by the setup command, follows the printed link: sets a
 * password, signs in for the first time, sets up the authenticator app and lands in the inbox.
 */
@ExtendWith(OutputCaptureExtension.class)
class GoLiveBrowserTests extends BrowserTest {

    @Autowired
    Environment environment;

    @Test
    void theAdminMadeByTheSetupCommandSetsAPasswordAndTheAuthenticatorAndLandsInTheInbox(CapturedOutput output) {
        int before = output.getOut().length();
        // The setup command of the jar, on this node's database and keyset.
        Integer exit = BedsideApplication.launch("--spring.main.web-application-type=none",
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--bedside.data-dir=" + environment.getProperty("bedside.data-dir"),
                "--bedside.base-url=http://127.0.0.1:" + port,
                "--bedside.setup.practice=Hillview Clinic", "--bedside.setup.time-zone=America/Chicago",
                "--bedside.setup.admin-email=ops@hillview.example", "--bedside.setup.admin-name=Dana Ortiz");
        org.assertj.core.api.Assertions.assertThat(exit).isZero();
        List<String> invitation = output.getOut().substring(before).lines().filter(l -> l.startsWith("Invitation: ")).toList();
        org.assertj.core.api.Assertions.assertThat(invitation).hasSize(1);
        String link = invitation.get(0).substring("Invitation: ".length());

        useDesktop();
        page.navigate(link);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Welcome to Hillview Clinic on Bedside")))
                .isVisible();
        AxeCheck.noSeriousViolations(page, "invitation of the first admin");
        page.getByLabel("New password").fill("granite orchard lantern");
        page.getByLabel("The same password again").fill("granite orchard lantern");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set password and continue")).click();
        page.waitForURL("**/login?welcome");

        page.getByLabel("Email").fill("ops@hillview.example");
        page.getByLabel("Password").fill("granite orchard lantern");
        page.locator("form button[type=submit]").click();
        page.waitForURL("**/login/two-step/setup");
        String secret = TwoStepCodes.secretOn(page.content());
        page.getByLabel("The 6-digit code from your authenticator app").fill(TwoStepCodes.code(secret, 0));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn on two-step sign-in")).click();
        page.waitForURL("**/app/settings/two-step");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("I have saved them: continue")).click();
        // The end of the setup offers a passkey on this device; skipped, a practice admin lands on the admin overview.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Not now")).click();
        page.waitForURL("**/app/admin");
        assertThat(page.locator("body")).containsText("Hillview Clinic");
        openMenu(page);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Practice admin")).first()).isVisible();
    }
}
