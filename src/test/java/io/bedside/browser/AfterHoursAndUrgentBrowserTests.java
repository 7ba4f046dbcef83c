package io.bedside.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.KIM;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import io.bedside.practice.CareTeams;
import io.bedside.practice.OfficeHours;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.PracticeId;
import io.bedside.support.BrowserTest;

/** A patient writing at night is told when to expect an answer; one writing about chest pain is told to call 911. */
class AfterHoursAndUrgentBrowserTests extends BrowserTest {

    @Autowired
    CareTeams careTeams;

    private PracticeId riverside;
    private CareTeamId team;

    /** Closed all of today (a holiday in the practice's time zone), open on weekdays otherwise. */
    private void closedToday() {
        riverside = demo.actor(KIM).practiceId();
        team = CareTeamId.parse(demo.team(KIM, "Dr. Patel"));
        Map<DayOfWeek, List<OfficeHours.Window>> week = OfficeHours.weekdays(LocalTime.of(8, 0), LocalTime.of(17, 0));
        careTeams.setOfficeHours(riverside, team, week);
        careTeams.setHolidays(riverside, Map.of(LocalDate.now(ZoneId.of("America/New_York")), "Closed for the test"));
    }

    @AfterEach
    void openAgain() {
        if (team != null) {
            careTeams.setOfficeHours(riverside, team, Map.of());
            careTeams.setHolidays(riverside, Map.of());
        }
    }

    @Test
    void aPatientWritingAfterHoursIsToldWhenToExpectAnAnswer() {
        closedToday();
        signIn(page, ALICE);
        assertThat(page.locator(".team", new Page.LocatorOptions().setHasText("Dr. Patel's team")).locator(".closed-now"))
                .containsText("Closed now · opens");
        page.navigate("/app/conversations/new");
        page.getByLabel("Care team").selectOption(new SelectOption().setLabel("Dr. Patel's team"));
        page.getByLabel("Subject").fill("Blood test results");
        page.getByLabel("Your message").fill("Are my results from Monday back yet?");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        page.waitForURL("**/app/conversations/*");

        assertThat(page.locator(".message", new Page.LocatorOptions().setHasText("is closed now")))
                .containsText("Riverside Family Medicine (automatic reply)");
        assertThat(page.locator("#thread")).containsText("You can expect an answer by");
        assertThat(page.locator("#thread")).containsText("call 911");
        assertThat(page.locator(".expect-by")).containsText("Your care team will answer by");
    }

    @Test
    void aPatientWritingAboutChestPainIsToldToCall911AndTheNurseSeesItUrgent() {
        signIn(page, ALICE);
        page.navigate("/app/conversations/new");
        page.getByLabel("Care team").selectOption(new SelectOption().setLabel("Dr. Patel's team"));
        page.getByLabel("Subject").fill("Feeling unwell");
        page.getByLabel("Your message").fill("Since an hour I have chest pain going down my left arm");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        page.waitForURL("**/app/conversations/*");
        String id = page.url().substring(page.url().lastIndexOf('/') + 1);

        assertThat(page.locator(".urgent-banner")).containsText("call 911 now");
        assertThat(page.locator("#thread")).containsText("Your message may describe an emergency");

        Page nurse = newDesktopContext().newPage();
        signInStaff(nurse, KIM);
        nurse.navigate("/app/inbox?filter=urgent");
        assertThat(nurse.locator(".inbox-item", new Page.LocatorOptions().setHasText("Feeling unwell")))
                .containsText("Urgent");
        nurse.navigate("/app/conversations/" + id);
        assertThat(nurse.locator(".urgent-banner")).containsText("Urgent: this conversation may describe an emergency");
        nurse.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target", "screenshots",
                "AfterHoursAndUrgentBrowserTests-aPatientWritingAboutChestPainIsToldToCall911AndTheNurseSeesItUrgent-nurse.png")));
        nurse.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Not urgent: clear the flag")).click();
        assertThat(nurse.locator(".urgent-banner")).hasCount(0);
        nurse.context().close();
    }

    @Test
    void aPatientChoosesTextMessagesAndQuietHours() {
        signIn(page, ALICE);
        openMenu(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Notifications")).click();
        page.getByLabel("Text message", new Page.GetByLabelOptions().setExact(true)).check();
        // The number texts go to is shown and confirmed the first time.
        assertThat(page.locator("#sms-number")).containsText("+1 555-555-0101");
        page.getByLabel("This is my mobile number: text me there").check();
        page.getByLabel("From", new Page.GetByLabelOptions().setExact(true)).fill("21:30");
        page.getByLabel("Until").fill("07:00");
        page.getByLabel("Time zone").selectOption("America/Chicago");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Saved.");
        var saved = api.get("/api/v1/me/notification-preferences").token(demo.token(ALICE)).send().json();
        org.assertj.core.api.Assertions.assertThat(saved.get("channel").asString()).isEqualTo("sms");
        org.assertj.core.api.Assertions.assertThat(saved.get("quietHours").get("start").asString()).isEqualTo("21:30");
        org.assertj.core.api.Assertions.assertThat(saved.get("timeZone").asString()).isEqualTo("America/Chicago");
        api.put("/api/v1/me/notification-preferences").token(demo.token(ALICE)).json(Map.of("channel", "email")).send();
    }
}
