package io.bedside.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.bedside.identity.Accounts;
import io.bedside.notification.NotificationDispatcher;
import io.bedside.patient.PatientDirectory;
import io.bedside.support.MailBrowserTest;

/**
 * A patient who forgot her password resets it on her phone from the email that arrived by real
 * SMTP, signs in with the new one, and sees where she is signed in.
 */
class PasswordResetBrowserTests extends MailBrowserTest {

    @Autowired
    NotificationDispatcher dispatcher;

    @Autowired
    Accounts accounts;

    @Autowired
    PatientDirectory directory;

    @Test
    void aPatientResetsAForgottenPasswordFromTheEmailAndSignsInWithTheNewOne() throws Exception {
        var report = api.post("/api/v1/patients/import").token(demo.token(RIVERSIDE_ADMIN)).raw("text/csv",
                "external_id,given_name,family_name,birth_date,sex,email,language\n"
                        + "BRPW-1,Nora,Quintana,1979-09-19,female,nora@patients.example,en\n").send();
        org.assertj.core.api.Assertions.assertThat(report.json().get("accepted").asInt()).isEqualTo(1);
        var admin = demo.actor(RIVERSIDE_ADMIN);
        accounts.createPatientAccount(admin.practiceId(), directory.search(admin, "quintana").get(0).id(),
                "nora@patients.example", "forgotten words long ago");

        // On her phone: the sign-in page, "Forgot your password?", her address.
        page.navigate("/login");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Forgot your password?")).click();
        page.waitForURL("**/forgot-password");
        page.getByLabel("Email").fill("nora@patients.example");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Email me a link")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("is on its way");

        dispatcher.dispatchDue();
        org.assertj.core.api.Assertions.assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage email = smtp.getReceivedMessages()[0];
        org.assertj.core.api.Assertions.assertThat(email.getSubject())
                .isEqualTo("Reset your Riverside Family Medicine password on Bedside");
        Matcher link = Pattern.compile("https://bedside\\.example\\.org(/reset-password/[A-Za-z0-9_-]{43})")
                .matcher(GreenMailUtil.getBody(email));
        org.assertj.core.api.Assertions.assertThat(link.find()).isTrue();

        page.navigate(link.group(1));
        page.getByLabel("Your date of birth").fill("1979-09-19");
        page.getByLabel("New password").fill("harbor lights in autumn");
        page.getByLabel("The same password again").fill("harbor lights in autumn");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set my new password")).click();
        page.waitForURL("**/login?passwordReset");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your new password is set");

        page.getByLabel("Email").fill("nora@patients.example");
        page.getByLabel("Password").fill("harbor lights in autumn");
        page.locator("form button[type=submit]").click();
        page.waitForURL("**/app/conversations");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your messages"))).isVisible();

        // Signed in on a laptop too; the phone's security page shows both and which one it is.
        BrowserContext laptop = newDesktopContext();
        Page other = laptop.newPage();
        other.navigate("/login");
        other.getByLabel("Email").fill("nora@patients.example");
        other.getByLabel("Password").fill("harbor lights in autumn");
        other.locator("form button[type=submit]").click();
        other.waitForURL("**/app/conversations");

        openMenu(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Security")).click();
        page.waitForURL("**/app/settings/security");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Signed-in devices"))).isVisible();
        assertThat(page.locator("ul.devices > li")).hasCount(2);
        assertThat(page.locator("ul.devices")).containsText("This device");
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target", "screenshots",
                "PasswordResetBrowserTests-signed-in-devices.png")));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out all other devices")).click();
        page.waitForURL("**/app/settings/security?endedOthers");
        assertThat(page.locator("ul.devices > li")).hasCount(1);
        other.navigate("/app/conversations");
        other.waitForURL("**/login?expired");
        laptop.close();
    }
}
