package io.bedside.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.BOB;
import static io.bedside.support.Demo.KIM;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import io.bedside.support.AxeCheck;
import io.bedside.support.BrowserTest;
import io.bedside.workflow.UrgentWords;

/**
 * Urgent words checked while the patient types (issue 19): the emergency guidance shows before
 * sending, in the form's live region, from the subject, the message, a request's fields or the
 * reply box, in English and Spanish, and never stops the send.
 */
class UrgentTypingBrowserTests extends BrowserTest {

    private static final String GUIDANCE = "What you wrote may describe an emergency";

    @Test
    void typingMeDueleElPechoShowsTheGuidanceBeforeSendingAndTheMessageStillGoes() {
        List<String> sent = new CopyOnWriteArrayList<>();
        page.onRequest(r -> {
            if ("POST".equals(r.method()) && r.url().replaceAll("\\?.*", "").endsWith("/app/conversations")) {
                sent.add(r.url());
            }
        });
        noDrafts();
        signIn(page, ALICE);
        page.navigate("/app/conversations/new");
        var note = page.locator("[data-urgent-guidance] [data-urgent-note]");
        assertThat(page.locator("[data-urgent-guidance]")).hasAttribute("aria-live", "assertive");
        assertThat(note).isHidden();
        page.getByLabel("Care team").selectOption(new SelectOption().setLabel("Dr. Patel's team"));
        page.getByLabel("Subject").fill("Since lunch");
        page.getByLabel("Your message").fill("");
        page.getByLabel("Your message").pressSequentially("Desde el almuerzo me duele el pecho");
        assertThat(note).isVisible();
        assertThat(note).containsText("call 911");
        assertThat(note).containsText("988");
        org.assertj.core.api.Assertions.assertThat(sent).as("nothing sent while typing").isEmpty();
        AxeCheck.noSeriousViolations(page, "compose with the urgent guidance shown");
        screenshot("UrgentTypingBrowserTests-compose-guidance");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send").setExact(true)).click();
        page.waitForURL("**/app/conversations/*");
        org.assertj.core.api.Assertions.assertThat(sent).hasSize(1);
        // The server's check stands: its guidance in the thread and the urgent card.
        assertThat(page.locator(".emergency-card")).isVisible();

        // The reply box checks too, and the guidance goes when the words go.
        var reply = page.locator("#reply-body");
        var replyNote = page.locator("#reply [data-urgent-note]");
        assertThat(replyNote).isHidden();
        reply.pressSequentially("Now I can't breathe");
        assertThat(replyNote).isVisible();
        reply.fill("Now I feel better");
        assertThat(replyNote).isHidden();
    }

    /** What is typed here is not kept as a draft, so no other test finds it in its form. */
    private void noDrafts() {
        page.route("**/app/drafts/**", route -> route.abort());
    }

    @Test
    void theSubjectAndARequestFieldTriggerItTooAndOrdinaryWordsDoNot() {
        noDrafts();
        signIn(page, ALICE);
        page.navigate("/app/conversations/new");
        var note = page.locator("[data-urgent-note]");
        page.getByLabel("Your message").fill("");
        page.getByLabel("Subject").fill("");
        page.getByLabel("Subject").pressSequentially("Chest pain");
        assertThat(note).isVisible();
        page.getByLabel("Subject").fill("Chest x-ray results");
        assertThat(note).isHidden();
        page.getByLabel("Your message").pressSequentially("Could you tell me when my appointment is?");
        assertThat(note).isHidden();

        page.navigate("/app/conversations/new?kind=refill&lang=es");
        page.locator("#subject").fill("");
        page.locator("#body").fill("");
        assertThat(page.locator("[data-urgent-note]")).isHidden();
        page.locator("input[name='details[medication]']").pressSequentially("Nitroglicerina, me duele el pecho");
        assertThat(page.locator("[data-urgent-note]")).isVisible();
        assertThat(page.locator("[data-urgent-note]")).containsText("llame al 911");
        AxeCheck.noSeriousViolations(page, "refill with the urgent guidance shown (es)");
        page.navigate("/app/conversations/new?lang=en");
    }

    @Test
    void bobTypingInSpanishSeesItInSpanish() {
        String id = demo.startAsPatient(BOB, "Dr. Patel", "Receta", "Necesito mi receta, por favor.");
        signIn(page, BOB);
        page.navigate("/app/conversations/" + id);
        var note = page.locator("#reply [data-urgent-note]");
        assertThat(note).isHidden();
        page.locator("#reply-body").pressSequentially("Ahora me duele el pecho");
        assertThat(note).isVisible();
        assertThat(note).containsText("llame al 911");
        AxeCheck.noSeriousViolations(page, "reply with the urgent guidance shown (Bob)");

        // Staff write with their own tools: no phrases, no script, no guidance in their composer.
        Page nurse = newDesktopContext().newPage();
        signInStaff(nurse, KIM);
        nurse.navigate("/app/conversations/" + id);
        assertThat(nurse.locator("#reply")).isVisible();
        assertThat(nurse.locator("[data-urgent-phrases]")).hasCount(0);
        assertThat(nurse.locator("script[src*='urgent-typing']")).hasCount(0);
        nurse.context().close();
    }

    @Test
    void theBrowserFindsWhatTheServerFinds() {
        signIn(page, ALICE);
        page.navigate("/app/conversations/new");
        List<String> texts = List.of("my chest really hurts", "Desde ayer ME DUELE  el pecho!", "I can\u2019t breathe",
                "I can`t  BREATHE", "No puedo respirar bien", "quiero hacerme daño", "hacerme dan\u0303o",
                "chestnut hurts", "pecho me duele el", "my chest is okay, it doesn't hurt much, really",
                "DOLOR   DE PECHO", "dolor-de-pecho", "Suicídio", "İnfarto", "ataque al corazón", "stroke123",
                "over dose", "over_dose", "short of… breath", "shortness of my breath", "", "   ", "911",
                "me   falta,  el aire", "heart\u00a0attack", "ΣΤΡΟΚΕ", "straße stroke", "can't move my left arm");
        UrgentWords server = new UrgentWords(UrgentWords.DEFAULTS);
        for (String text : texts) {
            Object browser = page.evaluate("([p, t]) => window.BedsideUrgentWords.find(p, t)",
                    List.of(UrgentWords.DEFAULTS, text));
            org.assertj.core.api.Assertions.assertThat(browser).as(text).isEqualTo(server.find(text).orElse(null));
        }
    }
}
