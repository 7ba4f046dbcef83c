package io.bedside.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.bedside.support.Demo.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

import io.bedside.support.AxeCheck;
import io.bedside.support.BrowserTest;

/**
 * Family access in the browser (issue 16): Carol (16) writes a question of her own, private from her
 * parents by default, and sees it marked so; her mother Maria switches between Leo and Carol, writes
 * for Leo as herself, and never sees Carol's own question — not in Carol's list, not by its address.
 */
class FamilyAccessBrowserTests extends BrowserTest {

    private static final String MARIA = "maria@patients.example";

    /** The thread a new conversation lands on: its id, not "/new". */
    private static final Pattern THREAD = Pattern.compile(".*/app/conversations/[0-9a-f-]{36}$");

    private static String unique(String text) {
        return text + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    /**
     * Chooses the record the pages act for with the switcher (its buttons are named "Switch to …",
     * the one shown now "… (shown now)" and aria-current), unless it is already the one shown.
     */
    private void switchTo(String name) {
        Locator current = page.locator("form.family-switch button[aria-current=true]");
        if (current.count() == 0 || !current.textContent().strip().equals(name)) {
            page.locator("form.family-switch").getByRole(AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("Switch to " + name).setExact(true)).click();
            page.waitForURL("**/app/conversations");
        }
        assertThat(current).hasText(name);
        assertThat(current).hasAccessibleName(name + " (shown now)");
    }

    @Test
    void carolWritesAQuestionThatIsPrivateByDefaultAndSeesItMarkedSo() {
        String subject = unique("Something private");
        signIn(page, CAROL);
        page.navigate("/app/conversations/new");
        Locator privately = page.getByLabel("Keep this private from my parents or guardians");
        assertThat(privately).isChecked();
        assertThat(page.locator("main")).not().containsText("You are writing for");
        page.getByLabel("Subject").fill(subject);
        page.getByLabel("Your message").fill("A question I want to ask on my own.");
        page.getByRole(AriaRole.BUTTON, named("Send")).click();

        page.waitForURL(THREAD);
        assertThat(page.getByRole(AriaRole.HEADING, named(subject))).isVisible();
        assertThat(page.locator(".notice.private"))
                .containsText("Private: your parents or guardians can't see this conversation.");
        assertThat(page.getByRole(AriaRole.BUTTON, named("Share with my parents or guardians"))).isVisible();
        String id = page.url().substring(page.url().lastIndexOf('/') + 1);
        assertThat(api.get("/api/v1/conversations/" + id).token(demo.token(CAROL)).send().json()
                .get("confidential").asBoolean()).isTrue();

        page.navigate("/app/conversations");
        Locator row = page.locator("#conversations .conversations > li").filter(new Locator.FilterOptions().setHasText(subject));
        assertThat(row).hasCount(1);
        assertThat(row.locator(".badge.private")).hasText("Private");
    }

    @Test
    void mariaSwitchesBetweenLeoAndCarolWritesForLeoAndNeverSeesCarolsOwnQuestion() {
        // Carol's own question, private by default.
        String carols = unique("Carol's own question");
        String own = demo.startAsPatient(CAROL, "Pediatrics", carols, "Only for my doctor.");
        String forLeo = unique("Leo's cough");

        signIn(page, MARIA);
        Locator switcher = page.locator("form.family-switch");
        assertThat(switcher).isVisible();
        assertThat(switcher).containsText("Leo Nguyen");
        assertThat(switcher).containsText("Carol Nguyen");
        assertThat(switcher).not().containsText("Myself");
        AxeCheck.noSeriousViolations(page, "Maria's list");

        // To Leo, then to the compose page, which says whom she writes for.
        switchTo("Leo Nguyen");
        assertThat(page.locator("main")).not().containsText(carols);
        page.navigate("/app/conversations/new");
        assertThat(page.locator("main .notice.info")).containsText("You are writing for Leo Nguyen.");
        assertThat(page.getByLabel("Keep this private from my parents or guardians")).hasCount(0);
        AxeCheck.noSeriousViolations(page, "Maria's compose page for Leo");
        page.getByLabel("Subject").fill(forLeo);
        page.getByLabel("Your message").fill("Leo has had a cough for three days.");
        page.getByRole(AriaRole.BUTTON, named("Send")).click();
        page.waitForURL(THREAD);
        assertThat(page.getByRole(AriaRole.HEADING, named(forLeo))).isVisible();
        assertThat(page.locator(".message").first().locator(".author")).containsText("Maria Nguyen, parent");
        assertThat(page.locator(".message").first()).containsText("Leo has had a cough for three days.");
        assertThat(page.locator(".notice.private")).hasCount(0);

        // To Carol: her list has neither Leo's conversation nor Carol's own question.
        switchTo("Carol Nguyen");
        assertThat(page.locator("main")).not().containsText(carols);
        assertThat(page.locator("main")).not().containsText(forLeo);
        AxeCheck.noSeriousViolations(page, "Maria's list for Carol");
        page.navigate("/app/conversations/new");
        assertThat(page.locator("main .notice.info")).containsText("You are writing for Carol Nguyen.");
        AxeCheck.noSeriousViolations(page, "Maria's compose page for Carol");

        // Carol's question by its address: the not-found page, which says nothing of it.
        Response response = page.navigate("/app/conversations/" + own);
        assertThat(response.status()).isEqualTo(404);
        assertThat(page.getByRole(AriaRole.HEADING, named("Not found"))).isVisible();
        assertThat(page.locator("body")).not().containsText(carols);
        assertThat(page.locator("body")).not().containsText("Only for my doctor.");

        // Back to Leo: his conversation is there, Carol's question still is not.
        page.navigate("/app/conversations");
        switchTo("Leo Nguyen");
        assertThat(page.locator("main")).containsText(forLeo);
        assertThat(page.locator("main")).not().containsText(carols);
    }
}
