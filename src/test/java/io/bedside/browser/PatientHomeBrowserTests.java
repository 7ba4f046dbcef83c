package io.bedside.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.BOB;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.PATEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;

import io.bedside.messaging.internal.Drafts;
import io.bedside.support.AxeCheck;
import io.bedside.support.BrowserTest;

/**
 * The patient's phone (issue 21): a home screen that leads with replies and drafts, a one-line
 * header whose menu holds language and sign-out, and a new message that takes a photo.
 */
class PatientHomeBrowserTests extends BrowserTest {

    @Autowired
    Drafts drafts;

    @Test
    void theHomeScreenLeadsWithUnreadRepliesThenDraftsThenTheTeams() {
        String subject = "Home order " + UUID.randomUUID().toString().substring(0, 8);
        String read = demo.startAsPatient(ALICE, "Dr. Patel", "Already read " + subject, "Nothing new here");
        String replied = demo.startAsPatient(ALICE, "Dr. Patel", subject, "Is the lab open Saturday?");
        demo.send(PATEL, replied, "Yes, from 8 to noon.");
        demo.send(KIM, replied, "And bring your insurance card.");
        // Whatever the clock says (an automatic after-hours reply), the first one is read.
        api.post("/api/v1/conversations/" + read + "/read").token(demo.token(ALICE))
                .json(Map.of("seq", demo.messages(ALICE, read).size())).send();
        try {
            signIn(page, ALICE);
            // A new message left as a draft.
            page.navigate("/app/conversations/new");
            page.getByLabel("Subject").fill("Knee pain " + subject);
            page.getByLabel("Your message").fill("It hurts after running.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save draft")).click();
            page.navigate("/app/conversations");

            Locator rows = page.locator("#conversations .conversations > li");
            // Unread replies first, with their count.
            assertThat(rows.first()).containsText(subject);
            assertThat(rows.first().locator(".badge.unread")).hasText(java.util.regex.Pattern.compile("^\\d+ new replies$"));
            assertThat(page.locator(".new-replies")).containsText("new replies");
            // Then the draft, shown as a draft, before anything already read.
            int lastUnread = -1;
            int draft = -1;
            int alreadyRead = -1;
            for (int i = 0; i < rows.count(); i++) {
                Locator row = rows.nth(i);
                if (row.locator(".badge.unread").count() > 0) {
                    lastUnread = i;
                } else if (row.getAttribute("class") != null && row.getAttribute("class").contains("new-draft")) {
                    draft = i;
                } else if (row.textContent().contains("Already read " + subject)) {
                    alreadyRead = i;
                }
            }
            assertThat(draft).isGreaterThan(lastUnread);
            assertThat(alreadyRead).isGreaterThan(draft);
            Locator draftRow = rows.nth(draft);
            assertThat(draftRow).containsText("Draft: Knee pain " + subject);
            assertThat(draftRow).containsText("Continue");
            // Then "Write to your care team", the patient's own physician's team first, as the admin described it.
            Locator teams = page.locator(".team");
            assertThat(teams.first().locator("h3")).hasText("Dr. Patel's team");
            assertThat(teams.first()).containsText("Questions, prescription refills, referrals and appointments.");
            assertThat(teams.first()).containsText("Jenny Kim, RN");
            assertThat(teams.first()).not().containsText("RN, nurse");
            // The conversations come before the teams on the page.
            assertThat(page.locator("main h2").first()).hasText("Conversations");
            assertThat(page.locator("main h2").nth(1)).hasText("Write to your care team");
            // The menu carries the unread count, readable by a screen reader.
            assertThat(page.locator("details.menu > summary"))
                    .hasAccessibleName(java.util.regex.Pattern.compile("^Menu, \\d+ unread$"));
            openMenu(page);
            assertThat(page.locator(".site-header .nav a").first())
                    .hasAccessibleName(java.util.regex.Pattern.compile("^Messages, \\d+ unread$"));

            page.keyboard().press("Escape");
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))).isHidden();
            rows.nth(draft).locator("a").click();
            assertThat(page.getByLabel("Subject")).hasValue("Knee pain " + subject);
        } finally {
            drafts.discard(demo.actor(ALICE), Drafts.NEW_CONVERSATION);
            api.post("/api/v1/conversations/" + replied + "/read").token(demo.token(ALICE))
                    .json(Map.of("seq", demo.messages(ALICE, replied).size())).send();
        }
    }

    @Test
    void theHeaderIsOneLineOnAPhoneAndItsMenuHoldsLanguageAndSignOut() {
        signIn(page, ALICE);
        BoundingBox brand = page.locator(".site-header .brand").boundingBox();
        BoundingBox menu = page.locator("details.menu > summary").boundingBox();
        assertThat(Math.abs(brand.y + brand.height / 2 - (menu.y + menu.height / 2))).isLessThan(8);
        assertThat(menu.x + menu.width).isLessThanOrEqualTo(PHONE_WIDTH);
        assertThat(page.locator(".site-header .bar").boundingBox().height).isLessThan(60);
        assertThat((Integer) page.evaluate("() => document.documentElement.scrollWidth")).isLessThanOrEqualTo(PHONE_WIDTH);
        assertThat(page.locator(".site-header .brand")).hasText("Riverside Family Medicine");

        Locator spanish = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Español"));
        Locator signOut = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"));
        assertThat(spanish).isHidden();
        assertThat(signOut).isHidden();
        openMenu(page);
        assertThat(spanish).isVisible();
        assertThat(signOut).isVisible();
        assertThat(page.locator(".site-header .nav")).containsText("Who looked at my record");
        assertThat(page.locator(".site-header .nav")).containsText("My details");
        assertThat(page.locator(".site-header .nav")).containsText("Notifications");
        assertThat(page.locator(".site-header .nav")).containsText("Security");
        AxeCheck.noSeriousViolations(page, "home with the menu open (en)");
        signOut.click();
        page.waitForURL("**/login?signedOut");
    }

    @Test
    void theMenuWorksWithoutScripts() {
        context.close();
        context = newContext(false);
        page = context.newPage();
        signIn(page, ALICE);
        openMenu(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Español")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sus mensajes"))).isVisible();
        openMenu(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your messages"))).isVisible();
    }

    @Test
    void aPhotoAttachedToANewMessageArrivesInTheConversation() throws Exception {
        signIn(page, ALICE);
        page.navigate("/app/conversations/new");
        page.getByLabel("Care team").selectOption(new SelectOption().setLabel("Dr. Patel's team"));
        page.getByLabel("Subject").fill("A rash on my arm");
        page.getByLabel("Your message").fill("It appeared yesterday.");
        assertThat(page.locator("#camera")).hasAttribute("capture", "environment");
        assertThat(page.locator("#files")).hasAttribute("accept", "image/*,application/pdf");
        page.getByLabel("Choose photos or PDFs").setInputFiles(new FilePayload("arm.png", "image/png", png()));
        assertThat(page.locator("[data-attached]")).containsText("arm.png");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();

        page.waitForURL("**/app/conversations/*");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("A rash on my arm"))).isVisible();
        assertThat(page.locator(".message").first()).containsText("It appeared yesterday.");
        assertThat(page.locator(".message").first().locator(".files img")).hasAttribute("alt", "arm.png");
        String id = page.url().substring(page.url().lastIndexOf('/') + 1);
        // Stored with the first message, as a reply's would be.
        assertThat(jdbc.sql("select count(*) from attachment a join message m on m.id = a.message_id "
                + "where a.conversation_id = cast(:c as uuid) and m.seq = 1").param("c", id).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aRefillRemembersThePharmacyAndNamesItselfAndTheProviderListFollowsTheTeam() {
        signIn(page, ALICE);
        page.navigate("/app/conversations/new?kind=refill");
        page.getByLabel("Care team").selectOption(new SelectOption().setLabel("Dr. Patel's team"));
        assertThat(page.getByLabel("Medication")).hasAttribute("required", java.util.regex.Pattern.compile(".*"));
        assertThat(page.locator("label[for='details.medication']")).containsText("(required)");
        page.getByLabel("Medication").fill("lisinopril");
        page.getByLabel("Pharmacy").fill("Elm St Pharmacy");
        page.getByLabel("Your message").fill("Two weeks left.");
        // Only Dr. Patel's team is offered.
        List<String> offered = page.locator("#providerId option").allTextContents();
        assertThat(offered).anyMatch(o -> o.contains("Dr. Priya Patel")).noneMatch(o -> o.contains("Sam Rivera"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        page.waitForURL("**/app/conversations/*");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Refill: lisinopril")))
                .isVisible();

        page.navigate("/app/conversations/new?kind=refill");
        assertThat(page.getByLabel("Pharmacy")).hasValue("Elm St Pharmacy");
        // Choosing another team changes who can be named.
        page.getByLabel("Care team").selectOption(new SelectOption().setLabel("Billing & front desk"));
        List<String> billing = page.locator("#providerId option").allTextContents();
        assertThat(billing).noneMatch(o -> o.contains("Priya Patel"));
        assertThat(String.join(" ", billing)).contains("Sam Rivera");
    }

    @Test
    void billingGoesToTheBillingTeamInBobsSpanish() {
        signIn(page, BOB);
        page.navigate("/app/conversations/new?kind=billing");
        assertThat(page.locator("main")).containsText("Su pregunta de facturación va a Billing & front desk.");
        assertThat(page.locator("#careTeamId")).hasCount(0);
        assertThat(page.locator("footer")).not().containsText("988");
        AxeCheck.noSeriousViolations(page, "/app/conversations/new?kind=billing (es)");
        page.getByLabel("Su mensaje").fill("Me cobraron dos veces.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enviar")).click();
        page.waitForURL("**/app/conversations/*");
        assertThat(page.locator("main .meta")).containsText("Billing & front desk");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Facturación: Me cobraron dos veces.")))
                .isVisible();
    }

    @Test
    void changedPagesHaveNoSeriousViolationsInEnglishAndSpanish() {
        for (String who : List.of(ALICE, BOB)) {
            context.close();
            context = newContext(true);
            page = context.newPage();
            signIn(page, who);
            for (String path : List.of("/app/conversations", "/app/conversations/new",
                    "/app/conversations/new?kind=refill", "/app/conversations/new?kind=billing")) {
                page.navigate(path);
                AxeCheck.noSeriousViolations(page, path + " as " + who);
                openMenu(page);
                AxeCheck.noSeriousViolations(page, path + " with the menu open as " + who);
            }
        }
    }

    @Test
    void staffWriteToAPatientInStaffWordsWithTemplatesAndAttachments() throws Exception {
        useDesktop();
        signInStaff(page, KIM);
        String alice = jdbc.sql("select cast(id as varchar) from patient where email = :e").param("e", ALICE)
                .query(String.class).single();
        for (String lang : List.of("es", "en")) {
            page.navigate("/app/conversations/new?patient=" + alice + "&lang=" + lang);
            AxeCheck.noSeriousViolations(page, "staff compose (" + lang + ")");
        }
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Write to Alice Walker"))).isVisible();
        assertThat(page.getByLabel("Message to the patient")).isVisible();
        assertThat(page.locator("main")).not().containsText("Your message");
        page.getByLabel("Quick reply").selectOption(new SelectOption().setLabel("Results normal"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Insert")).click();
        assertThat(page.getByLabel("Message to the patient")).hasValue(java.util.regex.Pattern.compile("^Hi Alice, your results are back"));
        page.getByLabel("Subject").fill("Your results");
        page.getByLabel("Choose photos or PDFs").setInputFiles(new FilePayload("results.png", "image/png", png()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        page.waitForURL("**/app/conversations/*");
        assertThat(page.locator("#thread")).containsText("your results are back");
        assertThat(page.locator("#thread .files")).containsText("results.png");
    }

    private static byte[] png() throws java.io.IOException {
        var image = new java.awt.image.BufferedImage(300, 200, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new java.awt.Color(80, 120, 200));
        g.fillRect(0, 0, 300, 200);
        g.dispose();
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
