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
        page.waitForTimeout(500);

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
        signIn(page, BOB);
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
    void aWrongPasswordIsExplainedPlainly() {
        page.navigate("/login");
        page.getByLabel("Email").fill(ALICE);
        page.getByLabel("Password").fill("not-my-password");
        page.locator("form button[type=submit]").click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("The email or password is not correct.");
    }
}
