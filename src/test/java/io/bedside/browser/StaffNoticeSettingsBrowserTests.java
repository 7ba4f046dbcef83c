package io.bedside.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.PATEL;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.bedside.notification.NotificationDispatcher;
import io.bedside.support.AxeCheck;
import io.bedside.support.BrowserTest;

/**
 * A nurse chooses to hear of every new patient message in her teams, and then hears of one in a
 * conversation assigned to somebody else (which her default choice would have left out), in the
 * demo mailbox. The notice delay is a second here.
 */
@TestPropertySource(properties = "bedside.notification.delay=1s")
class StaffNoticeSettingsBrowserTests extends BrowserTest {

    @Autowired
    NotificationDispatcher dispatcher;

    @Test
    void aNurseChoosesEveryPatientMessageInHerTeamsAndHearsOfOneAssignedToSomeoneElse() throws Exception {
        String kim = demo.me(KIM).get("id").asString();
        String patel = demo.me(PATEL).get("id").asString();
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Browser notice", "A first question");
        demo.triage(PATEL, id, Map.of("assigneeId", patel));
        // What the first message rang for her while she was on call and it was unassigned is not this test's concern.
        jdbc.sql("delete from notification where user_id = :u and status = 'pending'").param("u", UUID.fromString(kim))
                .update();
        try {
            useDesktop();
            signInStaff(page, KIM);
            page.navigate("/app/settings/notifications");
            var all = page.getByLabel("Every new patient message in my teams");
            var mine = page.getByLabel("Only conversations that name me or are assigned to me, and new unassigned ones while I am on call");
            assertThat(mine).isChecked();
            all.check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Saved.");
            page.reload();
            assertThat(page.getByLabel("Every new patient message in my teams")).isChecked();
            screenshot("staff-notice-settings");
            for (String lang : List.of("en", "es")) {
                page.navigate("/app/settings/notifications?lang=" + lang);
                AxeCheck.noSeriousViolations(page, "staff notification settings (" + lang + ")");
            }
            assertThat(page.getByLabel("De todos los mensajes nuevos de pacientes en mis equipos")).isChecked();

            long before = noticesFor(KIM);
            org.assertj.core.api.Assertions.assertThat(demo.send(ALICE, id, "A follow-up").status()).isEqualTo(201);
            Thread.sleep(1_100);
            dispatcher.dispatchDue();
            org.assertj.core.api.Assertions.assertThat(noticesFor(KIM)).isEqualTo(before + 1);
            page.navigate("/app/dev/mailbox?lang=en");
            var item = page.locator("li", new Page.LocatorOptions().setHasText("email → " + KIM)).first();
            assertThat(item).containsText("New patient message: Dr. Patel's team");
            assertThat(item).not().containsText("A follow-up");
            assertThat(item).not().containsText("Alice");
            screenshot("staff-notice-in-mailbox");
        } finally {
            api.put("/api/v1/me/notification-preferences").token(demo.token(KIM))
                    .json(Map.of("channel", "email", "staffMessages", "mine")).send();
        }
    }

    private long noticesFor(String email) {
        return jdbc.sql("select count(*) from dev_outbox where to_address = :to and subject like 'New patient message%'")
                .param("to", email).query(Long.class).single();
    }
}
