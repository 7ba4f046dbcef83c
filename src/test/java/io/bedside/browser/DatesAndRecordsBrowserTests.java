package io.bedside.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.BOB;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.PATEL;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.bedside.identity.PatientProfiles;
import io.bedside.notification.NotificationPreferences;
import io.bedside.practice.Practices;
import io.bedside.shared.HumanTimes;
import io.bedside.support.AxeCheck;
import io.bedside.support.BrowserTest;

/**
 * The written record and the settings around it, on a phone: the PDF transcript (full dates
 * through the one formatter, attachments, the practice, a subject-and-date file name), “Who looked
 * at my record” (grouped, subjects named, own actions hidden, internal notes never revealed), text
 * messages going to a confirmed number, and the stored language winning over the browser's.
 */
class DatesAndRecordsBrowserTests extends BrowserTest {

    @Autowired
    HumanTimes times;

    @Autowired
    Practices practices;

    @Autowired
    PatientProfiles profiles;

    @Autowired
    NotificationPreferences preferences;

    private ZoneId riversideZone() {
        return practices.find(demo.actor(ALICE).practiceId()).orElseThrow().timeZone();
    }

    @Test
    void theTranscriptCarriesFullDatesTheAttachmentsAndThePracticeUnderTheSubjectAndDate() throws Exception {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Feeling unwell", "Since this morning I feel dizzy");
        demo.send(PATEL, id, "Please send a photo of the rash");
        signIn(page, ALICE);
        page.navigate("/app/conversations/" + id);
        page.getByLabel("Reply").fill("Here it is");
        page.getByLabel("Add photos or PDFs (optional)").setInputFiles(new com.microsoft.playwright.options.FilePayload(
                "rash.png", "image/png", png()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        assertThat(page.locator(".files")).containsText("rash.png");

        Download download = page.waitForDownload(() ->
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download as PDF")).click());
        ZoneId zone = riversideZone();
        String day = LocalDate.now(zone).toString();
        Assertions.assertThat(download.suggestedFilename()).isEqualTo("Feeling unwell " + day + ".pdf");
        var answer = page.request().get("/app/conversations/" + id + "/export.pdf");
        Assertions.assertThat(answer.headers().get("content-disposition"))
                .isEqualTo("attachment; filename=\"Feeling unwell " + day + ".pdf\"; filename*=UTF-8''Feeling%20unwell%20"
                        + day + ".pdf");

        byte[] pdf = java.nio.file.Files.readAllBytes(download.path());
        String text;
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        var first = demo.messages(ALICE, id).get(0);
        Instant sent = Instant.parse(first.get("createdAt").asString());
        // The PDF writes through the one formatter, in its document form: the full date, never "today".
        Assertions.assertThat(text).contains("Riverside Family Medicine").contains("Feeling unwell")
                .contains(times.full(sent, zone, Locale.US))
                .contains("Attached: rash.png")
                .contains("Exported " + times.full(Instant.now(), zone, Locale.US).substring(0, 12))
                .doesNotContainIgnoringCase("today").doesNotContainIgnoringCase("yesterday");
        var practice = practices.find(demo.actor(ALICE).practiceId()).orElseThrow();
        if (practice.phone() != null && !practice.phone().isBlank()) {
            Assertions.assertThat(text).contains(practice.phone());
        }
    }

    @Test
    void whoLookedAtMyRecordGroupsByPersonAndDayNamesTheConversationAndNeverRevealsNotes() {
        // A subject of its own: the demo data is shared with other tests.
        String subject = "Dizzy spells " + Long.toString(System.nanoTime(), 36);
        String id = demo.startAsPatient(ALICE, "Dr. Patel", subject, "Dizzy since the morning");
        demo.messages(KIM, id);
        demo.messages(KIM, id);
        demo.messages(KIM, id);
        demo.note(KIM, id, "Check her blood pressure history first.");
        // The access log's API (unchanged in shape) does not tell her either.
        String log = api.get("/api/v1/audit").token(demo.token(ALICE)).send().body();
        Assertions.assertThat(log).contains("conversation.worked_on").doesNotContain("note");
        signIn(page, ALICE);
        page.navigate("/app/access");

        Locator kim = page.locator(".access > li").filter(new Locator.FilterOptions().setHasText("Jenny Kim, RN")).first();
        assertThat(kim.locator(".who")).containsText("Jenny Kim, RN, nurse — today");
        assertThat(kim).containsText("read your conversation “" + subject + "” (3 times)");
        Locator team = page.locator(".access > li").filter(new Locator.FilterOptions().setHasText("Your care team")).first();
        assertThat(team).containsText("worked on your conversation “" + subject + "”");
        String shown = page.locator("main").textContent().toLowerCase(Locale.ROOT);
        Assertions.assertThat(shown).doesNotContain("note").doesNotContain("internal").doesNotContain("blood pressure");
        // Her own actions are left out until she asks for them.
        assertThat(page.locator(".access > li.mine")).hasCount(0);
        AxeCheck.noSeriousViolations(page, "/app/access (en)");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Show my own actions too")).click();
        assertThat(page.locator(".access > li.mine").first()).containsText("You");
        assertThat(page.locator(".access > li.mine").first()).containsText("“" + subject + "”");
        page.navigate("/app/access?lang=es");
        assertThat(page.locator(".access > li").filter(new Locator.FilterOptions().setHasText("Su equipo de atención"))
                .first()).containsText("trabajó en su conversación «" + subject + "»");
        AxeCheck.noSeriousViolations(page, "/app/access (es)");
        page.navigate("/app/access?lang=en");
    }

    @Test
    void choosingTextMessagesShowsTheNumberAndAsksToConfirmIt() {
        signIn(page, ALICE);
        page.navigate("/app/settings/notifications");
        Locator number = page.locator("#sms-number");
        assertThat(number).isHidden();
        try {
            page.getByLabel("Text message", new Page.GetByLabelOptions().setExact(true)).check();
            assertThat(number).isVisible();
            assertThat(number).containsText("Text messages will go to +1 555-555-0101.");
            AxeCheck.noSeriousViolations(page, "notification settings, text messages (en)");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("Confirm that text messages should go to +1 555-555-0101.");
            Assertions.assertThat(preferences.get(demo.actor(ALICE)).channel().code()).isEqualTo("email");
            page.getByLabel("This is my mobile number: text me there").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Saved.");
            Assertions.assertThat(preferences.get(demo.actor(ALICE)).channel().code()).isEqualTo("sms");
            // Time zones by the names people know.
            assertThat(page.getByLabel("Time zone").locator("option[value='America/New_York']"))
                    .hasText("Eastern Time (New York)");
            page.navigate("/app/settings/notifications?lang=es");
            assertThat(page.locator("#sms-number")).containsText("Los mensajes de texto irán al +1 555-555-0101.");
            AxeCheck.noSeriousViolations(page, "notification settings, text messages (es)");
        } finally {
            preferences.update(demo.actor(ALICE), "email", null, null, null, null, null);
            page.navigate("/app/settings/notifications?lang=en");
        }
    }

    @Test
    void withNoNumberOnFileTextMessagesAskForOneAndSaveItToMyDetails() {
        var bob = demo.actor(BOB);
        profiles.update(bob, new PatientProfiles.Change(null, "", null));
        try {
            signIn(page, BOB);
            page.navigate("/app/settings/notifications");
            page.getByLabel("Mensaje de texto", new Page.GetByLabelOptions().setExact(true)).check();
            assertThat(page.getByLabel("Su número de celular")).isVisible();
            AxeCheck.noSeriousViolations(page, "notification settings, no number (es)");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Guardar").setExact(true)).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("Indique el número de celular");
            page.getByLabel("Su número de celular").fill("+1 555 555 0177");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Guardar").setExact(true)).click();
            assertThat(page.getByRole(AriaRole.STATUS)).isVisible();
            Assertions.assertThat(profiles.profile(bob).phone()).isEqualTo("+15555550177");
            Assertions.assertThat(preferences.get(bob).channel().code()).isEqualTo("sms");
            page.navigate("/app/settings/notifications?lang=en");
            AxeCheck.noSeriousViolations(page, "notification settings, number on file (en)");
        } finally {
            profiles.update(bob, new PatientProfiles.Change(null, "+15555550102", null));
            preferences.update(bob, "email", null, null, null, null, null);
            page.navigate("/app/settings/notifications?lang=es");
        }
    }

    @Test
    void theStoredLanguageWinsOverTheBrowsers() {
        BrowserContext spanishBrowser = browserIn("es-ES");
        try {
            Page alice = spanishBrowser.newPage();
            alice.navigate("/login");
            // Before sign-in the page follows the browser...
            assertThat(alice.locator("html")).hasAttribute("lang", "es");
            signInByFields(alice, ALICE);
            // ...after it, the language on her record.
            assertThat(alice.locator("html")).hasAttribute("lang", "en");
            assertThat(alice.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your messages"))).isVisible();
        } finally {
            spanishBrowser.close();
        }
        BrowserContext englishBrowser = browserIn("en-US");
        try {
            Page bob = englishBrowser.newPage();
            signInByFields(bob, BOB);
            assertThat(bob.locator("html")).hasAttribute("lang", "es");
        } finally {
            englishBrowser.close();
        }
    }

    @Test
    void anAdminSetsThePromiseInWordsAndTheTrailReadsLikeSentences() {
        useDesktop();
        String team = demo.team(KIM, "Dr. Patel");
        signInStaff(page, io.bedside.support.Demo.RIVERSIDE_ADMIN);
        page.navigate("/app/admin/teams/" + team);
        Locator promise = page.getByLabel("Answers within");
        assertThat(promise.locator("option")).hasText(new String[] {"4 business hours", "1 business day",
                "2 business days", "3 business days"});
        assertThat(promise).hasValue("24");

        String alice = demo.actor(ALICE).patientId().value().toString();
        demo.startAsPatient(ALICE, "Dr. Patel", "Trail check", "Hello");
        page.navigate("/app/admin/audit");
        Locator rows = page.locator("table tbody tr");
        assertThat(rows.first()).isVisible();
        String table = page.locator("table").textContent();
        Assertions.assertThat(table).contains("Alice Walker").doesNotContain("0:0:0:0:0:0:0:1")
                .doesNotContain(alice).contains("this computer (localhost)");
        Assertions.assertThat(page.locator("table tbody tr time").first().textContent()).startsWith("today ");
        page.navigate("/app/admin/practice");
        assertThat(page.getByLabel("Time zone").locator("option[value='America/New_York']"))
                .containsText("Eastern Time (New York)");
    }

    /** Signs in whatever language the sign-in page is in. */
    private static void signInByFields(Page on, String email) {
        on.navigate("/login");
        on.locator("#email").fill(email);
        on.locator("#password").fill("demo-password");
        on.locator("form button[type=submit]").click();
        on.waitForURL("**/app/conversations");
    }

    private BrowserContext browserIn(String locale) {
        Browser browser = context.browser();
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(PHONE_WIDTH, PHONE_HEIGHT)
                .setLocale(locale).setBaseURL("http://127.0.0.1:" + port));
    }

    private static byte[] png() throws java.io.IOException {
        var image = new java.awt.image.BufferedImage(200, 150, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new java.awt.Color(200, 80, 80));
        g.fillOval(50, 30, 100, 90);
        g.dispose();
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
