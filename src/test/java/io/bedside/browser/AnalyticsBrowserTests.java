package io.bedside.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.PATEL;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.bedside.support.AxeCheck;
import io.bedside.support.BrowserTest;

/**
 * The analytics page as its readers use it: a practice admin reads a chart and the table behind
 * it (figures that match the conversations just made), downloads a table as CSV and switches team;
 * a team lead sees only their team; a nurse who leads none has no link and is refused. The page
 * has no serious or critical axe violation, in English and Spanish.
 */
class AnalyticsBrowserTests extends BrowserTest {

    /** Conversations started today: the last row of the by-day table (the range ends today). */
    private long startedToday() {
        return Long.parseLong(page.locator(".days-table tbody tr").last().locator("td").first().innerText()
                .replace(",", "").trim());
    }

    /** First replies, all groups together: the responses table's footer. */
    private long firstReplies() {
        return Long.parseLong(page.locator(".responses-table tfoot td").first().innerText().replace(",", "").trim());
    }

    private Locator link(String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void anAdminReadsAChartAndItsTableDownloadsItAndSwitchesTeam() throws Exception {
        useDesktop();
        signInStaff(page, RIVERSIDE_ADMIN);
        page.navigate("/app/analytics?lang=en");
        long before = startedToday();
        long repliesBefore = firstReplies();

        // Traffic: Alice writes twice to Dr. Patel's team, Nurse Kim answers the first.
        String first = demo.startAsPatient(ALICE, "Dr. Patel", "Analytics first", "A question for the figures");
        demo.startAsPatient(ALICE, "Dr. Patel", "Analytics second", "Another one");
        Assertions.assertThat(demo.send(KIM, first, "Answered for the figures.").status()).isEqualTo(201);

        page.navigate("/app/inbox?lang=en");
        openMenu(page);
        link("Analytics").click();
        page.waitForURL("**/app/analytics");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Analytics").setLevel(1)))
                .isVisible();

        // A chart, named for assistive technology, with bars drawn ...
        Locator byDay = page.locator("#by-day svg[role=img]");
        assertThat(byDay).hasAttribute("aria-label", "Conversations started each day");
        Locator responses = page.locator("#response-times svg[role=img]");
        assertThat(responses).hasAttribute("aria-label", "First reply by team");
        assertThat(responses.locator("rect.bar").first()).isAttached();
        assertThat(page.locator("#by-hour svg rect.bar").first()).isAttached();
        // ... and the table behind it with the figures just made.
        Assertions.assertThat(startedToday()).isEqualTo(before + 2);
        Assertions.assertThat(firstReplies()).isEqualTo(repliesBefore + 1);
        assertThat(page.locator(".responses-table tbody th[scope=row]", new Page.LocatorOptions()
                .setHasText("Dr. Patel's team"))).hasCount(1);
        assertThat(page.locator(".days-table caption")).hasText("Conversations by day, figures");
        assertThat(page.locator(".headline .conversations")).hasText(Pattern.compile("^[\\d,]+$"));
        assertThat(page.locator(".headline .business-median")).hasText(Pattern.compile("min|h|–"));
        assertThat(page.locator("main")).not().containsText("calls avoided");
        AxeCheck.noSeriousViolations(page, "analytics (en)");
        screenshot("AnalyticsBrowserTests-admin");

        // Printed: no header, form or download links; the charts and every row of the tables.
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
        assertThat(page.locator(".analytics-form")).isHidden();
        assertThat(page.locator(".site-header")).isHidden();
        assertThat(page.locator("#by-day svg")).isVisible();
        assertThat(page.locator(".days-table tbody tr").last()).isVisible();
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.SCREEN));

        // The same table as a CSV file.
        Download download = page.waitForDownload(() -> link("Download conversations by day as CSV").click());
        Assertions.assertThat(download.suggestedFilename()).startsWith("analytics-volume-day-").endsWith(".csv");
        List<String> lines = Files.readAllLines(download.path(), StandardCharsets.UTF_8);
        Assertions.assertThat(lines.get(0)).isEqualTo("\"Day\",\"Conversations started\",\"Of them after office hours\"");
        Assertions.assertThat(lines).hasSize(31);
        Assertions.assertThat(lines.get(30)).matches("\"\\d{4}-\\d{2}-\\d{2}\",\"" + (before + 2) + "\",\"\\d+\"");
        Download times = page.waitForDownload(() -> link("Download response times as CSV").click());
        List<String> timeLines = Files.readAllLines(times.path(), StandardCharsets.UTF_8);
        Assertions.assertThat(timeLines.get(0)).startsWith("\"Code\",\"Group\",\"First replies\"");
        Assertions.assertThat(timeLines).anyMatch(l -> l.contains("\"Dr. Patel's team\""));
        Assertions.assertThat(timeLines.get(timeLines.size() - 1)).startsWith("\"total\",\"All\",\"" + (repliesBefore + 1) + "\"");

        // Another team: the figures are that team's alone.
        page.getByLabel("Care team").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Billing & front desk"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        page.waitForURL(Pattern.compile(".*/app/analytics\\?.*teamId=.*"));
        assertThat(page.locator(".analytics-range")).containsText("Billing & front desk");
        assertThat(page.getByLabel("Care team")).hasValue(demo.team(RIVERSIDE_ADMIN, "Billing"));
        assertThat(page.locator(".responses-table tbody")).not().containsText("Dr. Patel's team");
        Assertions.assertThat(startedToday()).isLessThan(before + 2);

        // Grouped by kind, in words.
        page.getByLabel("Response times by").selectOption("kind");
        page.getByLabel("Care team").selectOption("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        assertThat(page.locator("#responses-heading")).hasText("First reply by kind of message");
        assertThat(page.locator(".responses-table tbody")).containsText("Question");

        // A range that ends before it starts is said on the form.
        page.navigate("/app/analytics?from=2026-11-20&to=2026-11-01&lang=en");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("The end date is before the start date");
        assertThat(page.locator("#to")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#by-day")).hasCount(0);

        page.navigate("/app/analytics?lang=es");
        assertThat(page.locator("#by-day svg[role=img]")).hasAttribute("aria-label", "Conversaciones iniciadas cada día");
        AxeCheck.noSeriousViolations(page, "analytics (es)");
    }

    @Test
    void aTeamLeadSeesOnlyTheirTeamAndANurseWhoLeadsNoneIsRefused() {
        String billing = demo.team(RIVERSIDE_ADMIN, "Billing");
        useDesktop();
        signInStaff(page, PATEL);
        openMenu(page);
        link("Analytics").click();
        page.waitForURL("**/app/analytics");
        assertThat(page.locator("#teamId option")).hasText(new String[] { "All teams", "Dr. Patel's team" });
        assertThat(page.locator(".responses-table tbody")).not().containsText("Billing");
        AxeCheck.noSeriousViolations(page, "analytics, team lead");
        var foreign = page.navigate("/app/analytics?teamId=" + billing);
        Assertions.assertThat(foreign.status()).isEqualTo(404);

        context.close();
        context = newDesktopContext();
        page = context.newPage();
        signInStaff(page, KIM);
        openMenu(page);
        assertThat(link("Inbox")).isVisible();
        assertThat(link("Analytics")).hasCount(0);
        var refused = page.navigate("/app/analytics");
        Assertions.assertThat(refused.status()).isEqualTo(403);
        Assertions.assertThat(page.navigate("/app/analytics/volume.csv").status()).isEqualTo(403);
    }
}
