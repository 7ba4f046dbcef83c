package io.bedside.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.BOB;
import static io.bedside.support.Demo.PATEL;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

import io.bedside.support.BrowserTest;

/** The patient's side of Bedside in a real browser on a phone-sized screen. */
class PatientAppBrowserTests extends BrowserTest {

    @Test
    void signInSeeTheCareTeamAndStartARefillRequest() {
        signIn(page, ALICE);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your messages"))).isVisible();
        assertThat(page.getByText("Your care team usually answers within 1 business day.")).isVisible();

        openMenu(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New message")).first().click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Medication refill")).click();
        page.getByLabel("Care team").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Dr. Patel's team"));
        page.getByLabel("Medication").fill("Metformin");
        page.getByLabel("Dose").fill("500 mg twice daily");
        page.getByLabel("Pharmacy").fill("Main St Pharmacy");
        page.getByLabel("Subject").fill("Metformin refill");
        page.getByLabel("Your message").fill("I have three days left. Could you send a refill?");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();

        page.waitForURL("**/app/conversations/*");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Metformin refill"))).isVisible();
        assertThat(page.locator(".details")).containsText("Main St Pharmacy");
        assertThat(page.locator(".message").first()).containsText("I have three days left");
    }

    @Test
    void aMissingMedicationIsExplainedAndNothingIsLost() {
        signIn(page, ALICE);
        page.navigate("/app/conversations/new?kind=refill");
        page.getByLabel("Care team").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Dr. Patel's team"));
        page.getByLabel("Medication").fill("   ");
        page.getByLabel("Subject").fill("Refill");
        page.getByLabel("Your message").fill("Words I do not want to type again");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();

        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Say which medication needs a refill.");
        assertThat(page.getByLabel("Your message")).hasValue("Words I do not want to type again");
    }

    @Test
    void aStaffReplyAndTheReadReceiptArriveWithoutReload() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Live in the browser", "Is the lab open Saturday?");
        signIn(page, ALICE);
        page.navigate("/app/conversations/" + id);
        waitForLiveStream(page);

        demo.send(PATEL, id, "Yes, from 8 to noon.");
        assertThat(page.locator("#thread")).containsText("Yes, from 8 to noon.");

        page.getByLabel("Reply").fill("Thank you!");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        assertThat(page.locator("#thread")).containsText("Thank you!");
        assertThat(page.getByLabel("Reply")).hasValue("");

        long last = demo.messages(PATEL, id).size();
        api.post("/api/v1/conversations/" + id + "/read").token(demo.token(PATEL)).json(Map.of("seq", last)).send();
        assertThat(page.locator(".receipts")).containsText("Read by Dr. Priya Patel");
    }

    @Test
    void anotherPatientsConversationAnswersNotFound() {
        String bobs = demo.startAsPatient(BOB, "Dr. Patel", "Bob's private question", "Private");
        signIn(page, ALICE);

        Response response = page.navigate("/app/conversations/" + bobs);

        org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(404);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not found"))).isVisible();
        assertThat(page.locator("body")).not().containsText("Bob's private question");
    }

    @Test
    void theAppSpeaksSpanish() {
        // Bob's record says Spanish: the app speaks it from his sign-in, whatever the browser says.
        signIn(page, BOB);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sus mensajes"))).isVisible();
        openMenu(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your messages"))).isVisible();
        openMenu(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Español")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sus mensajes"))).isVisible();
        assertThat(page.getByText("Su equipo suele responder en 1 día hábil.").first()).isVisible();
        page.navigate("/app/conversations/new");
        assertThat(page.getByText("¿De qué se trata?")).isVisible();
        assertThat(page.locator("html")).hasAttribute("lang", "es");
    }

    @Test
    void readingAndReplyingWorkWithoutJavaScript() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "No script", "Hello");
        demo.send(PATEL, id, "Hello Alice");
        BrowserContext plain = newContext(false);
        Page noScript = plain.newPage();
        try {
            signIn(noScript, ALICE);
            noScript.navigate("/app/conversations/" + id);
            assertThat(noScript.locator("#thread")).containsText("Hello Alice");
            noScript.getByLabel("Reply").fill("Replying without scripts");
            noScript.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
            noScript.waitForURL("**/app/conversations/" + id);
            assertThat(noScript.locator("#thread")).containsText("Replying without scripts");
        } finally {
            plain.close();
        }
    }

    @Test
    void aDraftIsSavedAsYouTypeAndResumesOnAnotherDevice() {
        signIn(page, BOB);
        // Bob reads Spanish by default (his record); this test reads the English labels.
        page.navigate("/app/conversations/new?kind=appointment&lang=en");
        page.getByLabel("Reason").fill("Follow-up on blood pressure");
        page.getByLabel("Subject").fill("Appointment next week");
        page.getByLabel("Your message").fill("Any morning works for me, draft " + java.util.UUID.randomUUID());
        String typed = page.getByLabel("Your message").inputValue();
        page.waitForTimeout(1500);

        BrowserContext laptop = newContext(true);
        Page other = laptop.newPage();
        try {
            signIn(other, BOB);
            other.navigate("/app/conversations/new?lang=en");
            assertThat(other.getByLabel("Your message")).hasValue(typed);
            assertThat(other.getByLabel("Reason")).hasValue("Follow-up on blood pressure");
            other.getByLabel("Care team").selectOption(new com.microsoft.playwright.options.SelectOption()
                    .setLabel("Dr. Patel's team"));
            other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
            other.waitForURL("**/app/conversations/*");
            // Sent: the draft is gone.
            other.navigate("/app/conversations/new");
            assertThat(other.getByLabel("Your message")).hasValue("");
        } finally {
            laptop.close();
        }
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from draft d join user_account a on a.id = d.user_id where a.email = :e")
                .param("e", BOB).query(Long.class).single()).isZero();
    }

    @Test
    void theConversationDownloadsAsAPdfWithItsMessages() throws Exception {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Keep a record", "My question about the dose");
        demo.send(PATEL, id, "Take it with food");
        signIn(page, ALICE);
        page.navigate("/app/conversations/" + id);

        com.microsoft.playwright.Download download = page.waitForDownload(() ->
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download as PDF")).click());
        byte[] pdf = java.nio.file.Files.readAllBytes(download.path());

        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            org.assertj.core.api.Assertions.assertThat(text).contains("Keep a record").contains("My question about the dose")
                    .contains("Take it with food").contains("Dr. Priya Patel");
        }
        org.assertj.core.api.Assertions.assertThat(jdbc.sql(
                "select count(*) from audit_event where action = 'conversation.exported' and target_id = :id")
                .param("id", id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void thePatientSeesWhoLookedAtTheirRecord() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Who read it", "Hello");
        demo.messages(io.bedside.support.Demo.KIM, id);
        signIn(page, ALICE);
        openMenu(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Who looked at my record")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Who has looked at your record")))
                .isVisible();
        assertThat(page.locator(".access > li").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Jenny Kim, RN")).first()).containsText("read your conversation “Who read it”");
    }

    @Test
    void aPhotoIsSentAndShownAndADisguisedProgramIsRefused() throws Exception {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Rash photo", "It started yesterday");
        signIn(page, ALICE);
        page.navigate("/app/conversations/" + id);

        page.getByLabel("Reply").fill("Here is a photo");
        page.getByLabel("Add photos or PDFs (optional)").setInputFiles(new com.microsoft.playwright.options.FilePayload(
                "rash.png", "image/png", png()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        assertThat(page.locator(".files img")).hasAttribute("alt", "rash.png");
        assertThat(page.locator(".files")).containsText("rash.png");

        byte[] program = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java"));
        long before = jdbc.sql("select count(*) from message where conversation_id = :c")
                .param("c", java.util.UUID.fromString(id)).query(Long.class).single();
        page.getByLabel("Reply").fill("And my lab results");
        page.getByLabel("Add photos or PDFs (optional)").setInputFiles(new com.microsoft.playwright.options.FilePayload(
                "lab-results.jpg", "image/jpeg", program));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("lab-results.jpg is not a photo or a PDF");
        assertThat(page.getByLabel("Reply")).hasValue("And my lab results");
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from message where conversation_id = :c")
                .param("c", java.util.UUID.fromString(id)).query(Long.class).single()).isEqualTo(before);

        byte[] stored = jdbc.sql("select content_ciphertext from attachment where conversation_id = :c")
                .param("c", java.util.UUID.fromString(id)).query(byte[].class).single();
        org.assertj.core.api.Assertions.assertThat(stored).isNotEqualTo(png());
    }

    @Test
    void anotherPatientCannotDownloadTheFile() throws Exception {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Private photo", "See attached");
        signIn(page, ALICE);
        page.navigate("/app/conversations/" + id);
        page.getByLabel("Add photos or PDFs (optional)").setInputFiles(new com.microsoft.playwright.options.FilePayload(
                "private.png", "image/png", png()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        assertThat(page.locator(".files")).containsText("private.png");
        String file = jdbc.sql("select cast(id as varchar) from attachment where conversation_id = :c")
                .param("c", java.util.UUID.fromString(id)).query(String.class).single();

        BrowserContext bobs = newContext(true);
        Page bob = bobs.newPage();
        try {
            signIn(bob, BOB);
            Response response = bob.navigate("/app/attachments/" + file + "/thumbnail");
            org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(404);
        } finally {
            bobs.close();
        }
        Response own = page.navigate("/app/attachments/" + file + "/thumbnail");
        org.assertj.core.api.Assertions.assertThat(own.status()).isEqualTo(200);
    }

    private static byte[] png() throws java.io.IOException {
        var image = new java.awt.image.BufferedImage(400, 300, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new java.awt.Color(200, 80, 80));
        g.fillOval(100, 60, 200, 180);
        g.dispose();
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void signingOutEndsTheSession() {
        signIn(page, ALICE);
        openMenu(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        page.waitForURL("**/login?signedOut");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("You have signed out.");
        page.navigate("/app/conversations");
        page.waitForURL("**/login");
    }

    @Test
    void pagesReflowWithoutSidewaysScrollingAt320CssPixels() {
        // 320 CSS pixels is a 1280 px window at 400 % zoom (WCAG reflow), or a small phone at 200 %.
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "A rather long subject line that must wrap on a small screen",
                "A long message body without spaces: " + "x".repeat(120));
        signIn(page, ALICE);
        page.setViewportSize(320, 640);
        for (String path : java.util.List.of("/app/conversations", "/app/conversations/new?kind=refill",
                "/app/conversations/" + id, "/app/access")) {
            page.navigate(path);
            Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            org.assertj.core.api.Assertions.assertThat(((Number) overflow).intValue()).as(path).isLessThanOrEqualTo(0);
        }
    }

    @Test
    void aWrongPasswordIsExplainedPlainly() {
        page.navigate("/login");
        page.getByLabel("Email").fill(ALICE);
        page.getByLabel("Password").fill("not-my-password");
        page.locator("form button[type=submit]").click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("The email or password is not correct.");
    }
}
