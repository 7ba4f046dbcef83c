package io.bedside.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.BOB;
import static io.bedside.support.Demo.KIM;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.bedside.support.AxeCheck;
import io.bedside.support.BrowserTest;

/**
 * The urgent path on both sides (issue 21): the patient, on her phone, sees a red emergency card
 * with buttons that call 911 or call or text 988, and no calm promise; the nurse, at her desk, sees
 * the patient's number as a link, the words that raised the flag marked, records her call with a
 * note and clears the flag. And the staff composer that turns into an internal note.
 */
class UrgentPathBrowserTests extends BrowserTest {

    private static void saveAs(Page on, String name) {
        on.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of("target", "screenshots", "UrgentPathBrowserTests-" + name + ".png")));
    }

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void onHerPhoneThePatientSeesTheRedEmergencyCardAndNoCalmPromise() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Feeling unwell",
                "Since an hour I have chest pain going down my left arm");
        signIn(page, ALICE);
        page.navigate("/app/conversations/" + id);

        var card = page.locator(".emergency-card");
        assertThat(card).isVisible();
        assertThat(card).hasAttribute("role", "alert");
        assertThat(card.locator("svg.emergency-icon")).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, named("Call 911"))).hasAttribute("href", "tel:911");
        assertThat(page.getByRole(AriaRole.LINK, named("Call 988"))).hasAttribute("href", "tel:988");
        assertThat(page.getByRole(AriaRole.LINK, named("Text 988"))).hasAttribute("href", "sms:988");
        assertThat(card).containsText("We have told the on-call nurse about your message");
        assertThat(card).containsText("The nurse may call you at +1 555-555-0101.");
        assertThat(page.locator(".expect-by")).hasCount(0);
        assertThat(page.locator("body")).not().containsText("Your care team will answer by");
        // Its own colour: red, not the routine notices' pale blue or orange.
        org.assertj.core.api.Assertions.assertThat(card.evaluate("e => getComputedStyle(e).backgroundColor"))
                .isEqualTo("rgb(176, 0, 32)");
        var call = page.getByRole(AriaRole.LINK, named("Call 911")).boundingBox();
        org.assertj.core.api.Assertions.assertThat(call.height).as("a big button").isGreaterThanOrEqualTo(48);
        org.assertj.core.api.Assertions.assertThat(call.width).isGreaterThanOrEqualTo(100);
        // The patient sees her own words as written: no highlighting on her side.
        assertThat(page.locator("#thread mark")).hasCount(0);
        saveAs(page, "patient-phone");
        for (String lang : List.of("en", "es")) {
            page.navigate("/app/conversations/" + id + "?lang=" + lang);
            AxeCheck.noSeriousViolations(page, "urgent conversation, patient (" + lang + ")");
        }
        page.navigate("/app/conversations/" + id + "?lang=en");
    }

    @Test
    void bobSeesTheCardInSpanish() {
        String id = demo.startAsPatient(BOB, "Dr. Patel", "Ayuda", "No puedo respirar bien desde anoche");
        signIn(page, BOB);
        page.navigate("/app/conversations/" + id);
        assertThat(page.getByRole(AriaRole.LINK, named("Llamar al 911"))).hasAttribute("href", "tel:911");
        assertThat(page.getByRole(AriaRole.LINK, named("Enviar un texto al 988"))).hasAttribute("href", "sms:988");
        assertThat(page.locator(".emergency-card")).containsText("Hemos avisado de su mensaje a la enfermera de guardia");
        assertThat(page.locator(".expect-by")).hasCount(0);
        AxeCheck.noSeriousViolations(page, "urgent conversation, Bob (es)");
        saveAs(page, "patient-phone-es");
    }

    @Test
    void atHerDeskTheNurseCallsThePatientRecordsItAndClearsTheFlag() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Since this morning",
                "I have had chest pain since 6 am and now I can't breathe well.");
        useDesktop();
        signInStaff(page, KIM);
        page.navigate("/app/conversations/" + id);

        var banner = page.locator(".staff-urgent");
        assertThat(banner).containsText("Urgent: this conversation may describe an emergency");
        assertThat(banner.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("+1 555-555-0101"))).hasAttribute("href", "tel:+15555550101");
        assertThat(page.locator(".patient-banner a[href='tel:+15555550101']")).isVisible();
        assertThat(page.locator(".patient-banner a[href='mailto:alice@patients.example']")).isVisible();
        assertThat(page.locator(".patient-banner")).containsText("MRN");
        assertThat(page.locator("#thread mark")).hasCount(2);
        assertThat(page.locator("#thread mark").first()).hasText("chest pain");
        assertThat(page.locator("#thread mark").nth(1)).hasText("can't breathe");
        assertThat(page.locator("#due .expect-by")).containsText("Urgent: answer or call by");
        // "Called the patient" is the main action; clearing the flag sits beside it.
        assertThat(page.getByRole(AriaRole.BUTTON, named("Called the patient"))).hasClass(java.util.regex.Pattern.compile(".*primary.*"));
        assertThat(page.getByRole(AriaRole.BUTTON, named("Not urgent: clear the flag"))).isVisible();
        for (String lang : List.of("es", "en")) {
            page.navigate("/app/conversations/" + id + "?lang=" + lang);
            AxeCheck.noSeriousViolations(page, "urgent conversation, nurse (" + lang + ")");
        }
        saveAs(page, "nurse-desktop");

        page.getByLabel("What came of the call (optional; only the care team sees it)")
                .fill("No answer; left a voicemail to call 911 if it gets worse.");
        page.getByRole(AriaRole.BUTTON, named("Called the patient")).click();
        var calls = page.locator(".calls");
        assertThat(calls).containsText("Jenny Kim, RN called the patient (");
        assertThat(calls).containsText("No answer; left a voicemail to call 911 if it gets worse.");
        assertThat(page.locator(".staff-urgent")).isVisible();
        assertThat(page.locator("#due .expect-by")).not().containsText("Urgent:");
        org.assertj.core.api.Assertions.assertThat(demo.messages(ALICE, id).toString()).doesNotContain("voicemail");
        saveAs(page, "nurse-called");

        page.getByRole(AriaRole.BUTTON, named("Not urgent: clear the flag")).click();
        assertThat(page.locator(".staff-urgent")).hasCount(0);
        assertThat(page.locator("#thread mark")).hasCount(0);
        assertThat(page.locator(".calls")).containsText("No answer; left a voicemail");

        Page alice = newContext(true).newPage();
        signIn(alice, ALICE);
        alice.navigate("/app/conversations/" + id);
        assertThat(alice.locator("body")).not().containsText("voicemail");
        assertThat(alice.locator(".emergency-card")).hasCount(0);
        alice.context().close();
    }

    @Test
    void writingAnInternalNoteTurnsTheComposerIntoANote() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Rash again", "It is back on my arm.");
        useDesktop();
        signInStaff(page, KIM);
        page.navigate("/app/conversations/" + id);
        var composer = page.locator("#reply");
        String replyColour = (String) composer.evaluate("e => getComputedStyle(e).backgroundColor");
        assertThat(page.getByRole(AriaRole.BUTTON, named("Send"))).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, named("Post note"))).isHidden();
        assertThat(page.getByRole(AriaRole.LINK, named("Jump to the reply box"))).isVisible();

        page.getByLabel("Internal note (only the care team sees it)").check();
        assertThat(page.getByText("Internal note — only the care team sees it")).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, named("Send"))).isHidden();
        assertThat(page.getByRole(AriaRole.BUTTON, named("Post note"))).isVisible();
        org.assertj.core.api.Assertions.assertThat(composer.evaluate("e => getComputedStyle(e).backgroundColor"))
                .isEqualTo("rgb(255, 246, 214)").isNotEqualTo(replyColour);
        for (String lang : List.of("en", "es")) {
            AxeCheck.noSeriousViolations(page, "note composer (" + lang + ")");
            if (lang.equals("en")) {
                page.navigate("/app/conversations/" + id + "?lang=es");
                page.getByLabel("Nota interna (solo la ve el equipo de atención)").check();
                assertThat(page.getByRole(AriaRole.BUTTON, named("Publicar nota"))).isVisible();
            }
        }
        page.navigate("/app/conversations/" + id + "?lang=en");
        page.getByLabel("Internal note (only the care team sees it)").check();
        page.getByLabel("Internal note — only the care team sees it").fill("Photo next time, please.");
        saveAs(page, "note-composer");
        page.getByRole(AriaRole.BUTTON, named("Post note")).click();
        assertThat(page.locator(".message.internal")).containsText("Photo next time, please.");
        org.assertj.core.api.Assertions.assertThat(demo.messages(ALICE, id).toString()).doesNotContain("Photo next time");

        // Without scripts too: the radio and CSS alone change the composer.
        BrowserContext noScript = newContext(false);
        Page plain = noScript.newPage();
        plain.setViewportSize(1280, 860);
        signInStaff(plain, KIM);
        plain.navigate("/app/conversations/" + id);
        plain.getByLabel("Internal note (only the care team sees it)").check();
        assertThat(plain.getByRole(AriaRole.BUTTON, named("Post note"))).isVisible();
        assertThat(plain.getByRole(AriaRole.BUTTON, named("Send"))).isHidden();
        noScript.close();
    }

    @Test
    void eachTriageChangeAppliesAtOnceWithUndoAndTheDueBannerFollows() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Question about my dose", "Can I take it with food?");
        useDesktop();
        signInStaff(page, KIM);
        page.navigate("/app/conversations/" + id);
        assertThat(page.locator("#due .expect-by")).containsText("Answer due by");

        page.getByLabel("Status").selectOption("closed");
        assertThat(page.locator("#triage .status")).hasText("Closed");
        assertThat(page.locator("#triage-undo")).containsText("Saved.");
        assertThat(page.locator("#due .expect-by")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(api.get("/api/v1/conversations/" + id).token(demo.token(KIM)).send()
                .json().get("status").asString()).isEqualTo("closed");

        page.locator("#triage-undo").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Undo")).click();
        assertThat(page.locator("#triage .status")).hasText("Open");
        assertThat(page.locator("#triage-undo")).containsText("Undone.");

        page.getByLabel("Priority").selectOption("urgent");
        assertThat(page.locator("#due .staff-urgent")).isVisible();
        assertThat(page.locator("#triage .priority")).hasText("Urgent");
        page.locator("#triage-undo").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Undo")).click();
        assertThat(page.locator("#due .staff-urgent")).hasCount(0);
        assertThat(page.locator("#triage .priority")).hasText("Routine");
    }
}
