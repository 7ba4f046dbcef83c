package io.bedside.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.bedside.notification.NotificationDispatcher;
import io.bedside.support.MailBrowserTest;

/** An imported patient follows the invitation that arrived by real SMTP and lands in their messages. */
class InvitationBrowserTests extends MailBrowserTest {

    @Autowired
    NotificationDispatcher dispatcher;

    @Test
    void anImportedPatientRedeemsTheInvitationFromTheEmailAndLandsInTheirInbox() throws Exception {
        var report = api.post("/api/v1/patients/import").token(demo.token(RIVERSIDE_ADMIN)).raw("text/csv",
                "external_id,given_name,family_name,birth_date,sex,email,language\n"
                        + "BRINV-1,Rosa,Delgado,1966-06-16,female,rosa@patients.example,en\n").send();
        org.assertj.core.api.Assertions.assertThat(report.json().get("accepted").asInt()).isEqualTo(1);

        useDesktop();
        signInStaff(page, RIVERSIDE_ADMIN);
        page.navigate("/app/patients?q=delgado");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Delgado, Rosa")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Invite to Bedside")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Invitation sent");

        dispatcher.dispatchDue();
        org.assertj.core.api.Assertions.assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage email = smtp.getReceivedMessages()[0];
        org.assertj.core.api.Assertions.assertThat(email.getSubject())
                .isEqualTo("Your invitation to Riverside Family Medicine on Bedside");
        Matcher link = Pattern.compile("https://bedside\\.example\\.org(/welcome/[A-Za-z0-9_-]+)")
                .matcher(GreenMailUtil.getBody(email));
        org.assertj.core.api.Assertions.assertThat(link.find()).isTrue();

        Page rosa = newContext(true).newPage();
        rosa.navigate(link.group(1));
        rosa.getByLabel("Your date of birth").fill("1966-06-16");
        rosa.getByLabel("New password").fill("sunflower harbor violin");
        rosa.getByLabel("The same password again").fill("sunflower harbor violin");
        rosa.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        // A passkey on this device is offered first; Rosa skips it.
        rosa.waitForURL("**/app/settings/passkeys?welcome");
        rosa.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Not now")).click();
        rosa.waitForURL("**/app/conversations?welcome");
        assertThat(rosa.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your messages"))).isVisible();
        assertThat(rosa.locator(".site-header")).containsText("Riverside Family Medicine");
        rosa.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(java.nio.file.Path.of("target",
                "screenshots", "InvitationBrowserTests-anImportedPatientRedeemsTheInvitationFromTheEmailAndLandsInTheirInbox-patient.png")));
        rosa.context().close();
    }
}
