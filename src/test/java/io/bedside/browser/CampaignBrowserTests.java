package io.bedside.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

import io.bedside.identity.Accounts;
import io.bedside.outreach.CampaignSender;
import io.bedside.patient.Patients;
import io.bedside.patient.RosterEntry;
import io.bedside.patient.Sex;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.support.AxeCheck;
import io.bedside.support.BrowserTest;

/** A practice admin sends a campaign from the browser; a patient answers it on their phone. */
class CampaignBrowserTests extends BrowserTest {

    @Autowired
    CampaignSender sender;
    @Autowired
    Patients patients;
    @Autowired
    Accounts accounts;

    @Test
    void anAdminSendsACampaignAndAPatientRepliesToIt() {
        String tag = "flu" + UUID.randomUUID().toString().substring(0, 6);
        PracticeId riverside = demo.actor(RIVERSIDE_ADMIN).practiceId();
        patients.upsertRoster(riverside, List.of(new RosterEntry(tag + "-1", "Zoe", "Ramirez", LocalDate.of(1950, 2, 3),
                Sex.FEMALE, null, null, "en", List.of(tag), LocalDate.of(2025, 10, 1)),
                new RosterEntry(tag + "-2", "Yuri", "Ramirez", LocalDate.of(1990, 4, 5), Sex.MALE, null, null, "es",
                        List.of(tag), null)));
        PatientId zoe = PatientId.of(jdbc.sql("select id from patient where external_id = :e")
                .param("e", tag + "-1").query(UUID.class).single());
        String email = tag + "@patients.example";
        accounts.createPatientAccount(riverside, zoe, email, "demo-password");

        useDesktop();
        signInStaff(page, RIVERSIDE_ADMIN);
        openMenu(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Campaigns").setExact(true)).first().click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New campaign")).click();
        page.getByLabel("Name (patients see it as the subject)").fill("Flu shots are here");
        page.getByLabel("Care team that answers the replies").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Dr. Patel's team"));
        page.getByLabel("Tags, all of them", new Page.GetByLabelOptions()).fill(tag);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show who this selects")).click();
        assertThat(page.locator("#preview")).containsText("This selects 2 patients.");
        assertThat(page.locator("#preview")).containsText("1 of them has no Bedside account yet");
        page.getByLabel("Age from").fill("65");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show who this selects")).click();
        assertThat(page.locator("#preview")).containsText("This selects 1 patient.");
        assertThat(page.locator("#preview")).containsText("Zoe Ramirez");
        assertThat(page.locator("#preview")).not().containsText("no Bedside account");
        page.getByLabel("In English").fill("Hi {firstName}, flu shots are here at {practice}. Reply and {careTeam} will find you a time.");
        AxeCheck.noSeriousViolations(page, "new campaign");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Review and send")).click();
        assertThat(page.locator(".review")).containsText("This writes to 1 patient; 1 is told by email or text.");
        assertThat(page.locator(".review")).containsText("It starts now");
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of("target", "screenshots", "CampaignBrowserTests-anAdminSendsACampaignAndAPatientRepliesToIt-review.png")));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send to 1 patient")).click();

        assertThat(page.locator("main")).containsText("The campaign is on its way");
        assertThat(page.locator("[data-count=targeted]")).hasText("1");
        sender.startDue();
        sender.send(100);
        // The funnel refreshes itself.
        assertThat(page.locator("[data-count=sent]")).hasText("1");

        Page phone = newContext(true).newPage();
        signIn(phone, email);
        phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Flu shots are here")).click();
        assertThat(phone.locator("#thread")).containsText(
                "Hi Zoe, flu shots are here at Riverside Family Medicine. Reply and Dr. Patel's team will find you a time.");
        assertThat(phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stop health reminders"))).isVisible();
        phone.getByLabel("Reply", new Page.GetByLabelOptions().setExact(true)).fill("Yes please, any morning next week.");
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send").setExact(true)).click();
        assertThat(phone.locator("#thread")).containsText("any morning next week");
        phone.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of("target", "screenshots", "CampaignBrowserTests-anAdminSendsACampaignAndAPatientRepliesToIt-patient.png")));

        // Once everyone has it, the funnel refreshes every ten seconds.
        LocatorAssertions.HasTextOptions patiently = new LocatorAssertions.HasTextOptions().setTimeout(25_000);
        assertThat(page.locator("[data-count=read]")).hasText("1", patiently);
        assertThat(page.locator("[data-count=replied]")).hasText("1", patiently);
        AxeCheck.noSeriousViolations(page, "campaign page");
        screenshot("CampaignBrowserTests-anAdminSendsACampaignAndAPatientRepliesToIt");

        // The answer waits in the care team's inbox like any patient message.
        Page nurse = newDesktopContext().newPage();
        signInStaff(nurse, KIM);
        // Unread: the inbox puts the longest-waiting first, and the other tests' conversations in the shared
        // demo practice may fill the first page of "Open".
        nurse.navigate("/app/inbox?filter=unread");
        assertThat(nurse.locator("#inbox-results")).containsText("Flu shots are here");
        phone.context().close();
        nurse.context().close();
    }
}
