package io.bedside.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.PATEL;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import io.bedside.patient.Patients;
import io.bedside.patient.RosterEntry;
import io.bedside.patient.Sex;
import io.bedside.shared.PracticeId;
import io.bedside.support.AxeCheck;
import io.bedside.support.BrowserTest;

/**
 * The care team's screens on a desktop: the inbox with the list and the conversation side by side,
 * its rows and filters; the admin overview admins land on; a campaign's finished message per language.
 */
class StaffScreensBrowserTests extends BrowserTest {

    @Autowired
    Patients patients;

    private void saveAs(String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(false)
                .setPath(Path.of("target", "screenshots", "StaffScreensBrowserTests-" + name + ".png")));
    }

    /** A refill request from Alice, assigned to Nurse Kim, so it is in her "Assigned to me" view. */
    private String refillForKim(String subject, String body) {
        String id = api.post("/api/v1/conversations").token(demo.token(ALICE)).json(Map.of(
                "careTeamId", demo.team(ALICE, "Dr. Patel"), "subject", subject, "body", body,
                "kind", "refill", "details", Map.of("medication", "Metformin 500 mg", "pharmacy", "Main St Pharmacy")))
                .send().json().get("id").asString();
        demo.triage(PATEL, id, Map.of("assigneeId", demo.actor(KIM).userId().toString()));
        return id;
    }

    private Locator row(Page on, String subject) {
        return on.locator(".inbox-item", new Page.LocatorOptions().setHasText(subject));
    }

    @Test
    void onAWideScreenTheConversationOpensBesideTheList() {
        String subject = "Side by side " + UUID.randomUUID().toString().substring(0, 6);
        String id = refillForKim(subject, "Only two   pills left,\nplease send it to Main St.");
        page.setViewportSize(1440, 900);
        signInStaff(page, KIM);
        page.navigate("/app/inbox?filter=mine&kind=refill");

        Locator row = row(page, subject);
        assertThat(row.locator(".patient-name")).hasText("Alice Walker");
        assertThat(row.locator(".subject")).hasText(subject);
        // One line of the latest message, whitespace folded.
        assertThat(row.locator(".preview")).hasText("Only two pills left, please send it to Main St.");
        assertThat(row.locator(".due")).hasText(Pattern.compile("^(due|overdue) .+"));
        assertThat(row.locator(".badge.unread")).hasText("1 new");
        assertThat(row.locator(".badge.kind")).hasText("Medication refill");
        assertThat(row.locator(".badge.assignee")).hasText("Assigned to Jenny Kim, RN");
        assertThat(page.locator("#inbox-pane")).isVisible();

        row.locator(".inbox-link").click();
        Locator pane = page.locator("#inbox-pane");
        assertThat(pane.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setName(subject))).isVisible();
        assertThat(pane.locator("#thread")).containsText("Only two pills left");
        assertThat(page).hasURL(Pattern.compile(".*/app/inbox\\?.*open=" + id));
        // The list stays, beside it, and the row is marked as the open one (and read now).
        assertThat(page.locator("#inbox-results")).isVisible();
        assertThat(row(page, subject)).hasClass(Pattern.compile("\\bopen\\b"));
        assertThat(row(page, subject).locator(".badge.unread")).hasCount(0);
        double listRight = page.locator(".inbox-list").boundingBox().x + page.locator(".inbox-list").boundingBox().width;
        assertThat(pane.boundingBox().x).isGreaterThanOrEqualTo(listRight);
        assertThat(page.locator("h1")).hasCount(1);
        saveAs("side-by-side");

        // j/k still move through the list, o opens the selected row beside it.
        page.locator("body").press("j");
        assertThat(page.locator(".inbox-item.selected")).hasCount(1);

        // What is typed in the pane is kept as a draft, as on the conversation page.
        page.waitForResponse(r -> r.url().contains("/app/drafts/" + id),
                () -> pane.locator("#reply-body").fill("Sending it to Main St today."));

        // Reload keeps what was open, with the draft; the pane is in English and Spanish without serious violations.
        page.reload();
        assertThat(pane.locator("#thread")).containsText("Only two pills left");
        assertThat(pane.locator("#reply-body")).hasValue("Sending it to Main St today.");
        AxeCheck.noSeriousViolations(page, "inbox side by side (en)");
        page.navigate("/app/inbox?filter=mine&kind=refill&open=" + id + "&lang=es");
        assertThat(pane.locator("#thread")).containsText("Only two pills left");
        AxeCheck.noSeriousViolations(page, "inbox side by side (es)");
        page.navigate("/app/inbox?lang=en");

        // On a phone the same row opens the whole conversation page.
        page.setViewportSize(PHONE_WIDTH, PHONE_HEIGHT);
        page.navigate("/app/inbox?filter=mine&kind=refill");
        assertThat(page.locator("#inbox-pane")).isHidden();
        row(page, subject).locator(".inbox-link").click();
        page.waitForURL("**/app/conversations/" + id);
        assertThat(page.locator("#reply-body")).isVisible();
        AxeCheck.noSeriousViolations(page, "inbox on a phone");
    }

    @Test
    void filtersApplyAsSoonAsTheyChange() {
        String subject = "Filter at once " + UUID.randomUUID().toString().substring(0, 6);
        refillForKim(subject, "Filter me");
        useDesktop();
        signInStaff(page, KIM);
        page.navigate("/app/inbox?filter=mine");
        assertThat(row(page, subject)).isVisible();
        // The Show button is only for browsers without JavaScript.
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show"))).hasCount(0);

        page.getByLabel("Kind").selectOption(new SelectOption().setLabel("Question"));
        assertThat(row(page, subject)).hasCount(0);
        assertThat(page).hasURL(Pattern.compile(".*kind=question.*"));
        page.getByLabel("Kind").selectOption(new SelectOption().setLabel("Medication refill"));
        assertThat(row(page, subject)).isVisible();
        assertThat(page).hasURL(Pattern.compile(".*kind=refill.*"));
        page.getByLabel("Care team").selectOption(new SelectOption().setLabel("Billing & front desk"));
        assertThat(row(page, subject)).hasCount(0);
        for (String lang : List.of("en", "es")) {
            page.navigate("/app/inbox?filter=mine&lang=" + lang);
            AxeCheck.noSeriousViolations(page, "inbox rows (" + lang + ")");
        }
        page.navigate("/app/inbox?lang=en");
    }

    @Test
    void adminsLandOnTheirOverviewWithCountsThatReadRight() {
        useDesktop();
        signInStaff(page, RIVERSIDE_ADMIN);
        assertThat(page).hasURL(Pattern.compile(".*/app/admin$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Practice admin").setLevel(1)))
                .isVisible();
        Locator counts = page.locator(".member-count");
        assertThat(counts.first()).hasText(Pattern.compile("^(no members|1 member|\\d+ members)$"));
        for (String text : counts.allTextContents()) {
            assertThat(text).doesNotContain("1 members").doesNotContain("(s)");
        }
        assertThat(page.locator(".staff-count")).hasText(Pattern.compile("members? of staff can sign in"));
        assertThat(page.locator(".failed-count")).isVisible();
        saveAs("admin-overview");

        // Destructive actions are red and ask first.
        page.navigate("/app/admin/staff");
        Locator disable = page.locator("details.confirm summary", new Page.LocatorOptions().setHasText("Disable")).first();
        assertThat(disable).hasCSS("background-color", "rgb(161, 26, 26)");
        disable.click();
        assertThat(page.locator("details.confirm[open] .confirm-body")).containsText("can no longer sign in");
        assertThat(page.locator("details.confirm[open] button.danger")).hasText(Pattern.compile("^Yes, disable .+"));
        String team = demo.team(KIM, "Dr. Patel");
        for (String lang : List.of("en", "es")) {
            for (String path : List.of("/app/admin", "/app/admin/staff", "/app/admin/teams", "/app/admin/teams/" + team)) {
                page.navigate(path + "?lang=" + lang);
                Locator confirm = page.locator("details.confirm summary");
                if (confirm.count() > 0) {
                    confirm.first().click();
                }
                AxeCheck.noSeriousViolations(page, path + " with a confirm open (" + lang + ")");
            }
        }
        page.navigate("/app/admin?lang=en");
    }

    @Test
    void theCampaignReviewShowsEachLanguagesMessageAndWhoGetsAnotherLanguage() {
        String tag = "lang" + UUID.randomUUID().toString().substring(0, 6);
        PracticeId riverside = demo.actor(RIVERSIDE_ADMIN).practiceId();
        patients.upsertRoster(riverside, List.of(
                new RosterEntry(tag + "-1", "Zoe", "Ramirez", LocalDate.of(1950, 2, 3), Sex.FEMALE, null, null, "en",
                        List.of(tag), null),
                new RosterEntry(tag + "-2", "Yuri", "Ramirez", LocalDate.of(1990, 4, 5), Sex.MALE, null, null, "es",
                        List.of(tag), null),
                new RosterEntry(tag + "-3", "Ana", "Ramirez", LocalDate.of(1991, 4, 5), Sex.FEMALE, null, null, "es-MX",
                        List.of(tag), null)));
        useDesktop();
        signInStaff(page, RIVERSIDE_ADMIN);
        for (String lang : List.of("en", "es")) {
            page.navigate("/app/campaigns/new?lang=" + lang);
            page.locator("#name").fill("Flu shots " + lang);
            page.locator("#careTeamId").selectOption(new SelectOption().setLabel("Dr. Patel's team"));
            page.locator("#tags").fill(tag);
            // The documented syntax and the older template spelling fill in the same.
            page.locator("#messageEn").fill("Hi {firstName}, flu shots are here at {practice}. Ask {care_team}.");
            page.locator("#campaign-form > button[type=submit]").click();
            Locator review = page.locator(".review");
            assertThat(review.locator(".campaign-text[data-language=en] blockquote"))
                    .hasText("Hi Zoe, flu shots are here at Riverside Family Medicine. Ask Dr. Patel's team.");
            // Spanish readers get the English text, filled in for one of them, and the page says so.
            assertThat(review.locator(".campaign-text[data-language=es] blockquote"))
                    .hasText(Pattern.compile("^Hi (Yuri|Ana), flu shots are here at Riverside Family Medicine\\."));
            if (lang.equals("en")) {
                assertThat(review.locator(".missing-language")).hasText(
                        "2 selected patients read Spanish and there is no Spanish text: they will get the English text.");
                saveAs("campaign-review");
            } else {
                assertThat(review.locator(".missing-language")).hasText(
                        "2 pacientes seleccionados leen español y no hay texto en español: recibirán el texto en inglés.");
            }
            AxeCheck.noSeriousViolations(page, "campaign review (" + lang + ")");
        }
        // With a Spanish text, nobody is warned and Spanish readers read Spanish.
        page.navigate("/app/campaigns/new?lang=en");
        page.locator("#name").fill("Flu shots both");
        page.locator("#careTeamId").selectOption(new SelectOption().setLabel("Dr. Patel's team"));
        page.locator("#tags").fill(tag);
        page.locator("#messageEn").fill("Hi {firstName}.");
        page.locator("#messageEs").fill("Hola {first_name}, de {practice}.");
        page.locator("#campaign-form > button[type=submit]").click();
        assertThat(page.locator(".review .missing-language")).hasCount(0);
        assertThat(page.locator(".campaign-text[data-language=es] blockquote"))
                .hasText(Pattern.compile("^Hola (Yuri|Ana), de Riverside Family Medicine\\.$"));
    }
}
