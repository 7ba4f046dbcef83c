package io.bedside.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.LEE;
import static io.bedside.support.Demo.PATEL;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import io.bedside.support.BrowserTest;
import io.bedside.support.PageSession;

/** The care team's workspace in a real browser on a desktop screen, with the patient's phone beside it. */
class CareTeamWorkspaceBrowserTests extends BrowserTest {

    @BeforeEach
    void atTheWorkstation() {
        useDesktop();
    }

    private Page otherBrowser(boolean desktop) {
        BrowserContext other = desktop ? newDesktopContext() : newContext(true);
        return other.newPage();
    }

    /**
     * Reads, as {@code staff}, every conversation the unread view shows, page after page, until it
     * shows none: what other tests of this JVM left unread (or marked unread) would otherwise push a
     * conversation started now past the view's first page (longest waiting first). The view itself
     * decides, so nothing it counts as unread is missed.
     */
    private void readEverythingAs(String staff) {
        String token = demo.token(staff);
        for (int round = 0; round < 50; round++) {
            page.navigate("/app/inbox?filter=unread");
            @SuppressWarnings("unchecked")
            List<String> ids = (List<String>) page.evalOnSelectorAll(".inbox-item[data-conversation]",
                    "rows => rows.map(r => r.getAttribute('data-conversation'))");
            if (ids.isEmpty()) {
                return;
            }
            for (String id : ids) {
                long lastSeq = api.get("/api/v1/conversations/" + id).token(token).send().json().get("lastSeq").asLong();
                api.post("/api/v1/conversations/" + id + "/read").token(token).json(Map.of("seq", lastSeq)).send();
            }
        }
        throw new AssertionError("The unread view did not empty after 50 pages");
    }

    private static void saveAs(Page on, String name) {
        on.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of("target", "screenshots", name + ".png")));
    }

    @Test
    void aPatientMessageArrivesLiveInTheNursesInbox() {
        // Conversations other tests of this JVM left unread would push a new one past the first page
        // of "unread" (longest waiting first): Kim reads them first, through the API.
        signInStaff(page, KIM);
        readEverythingAs(KIM);
        // The unread view: the inbox puts the longest-waiting first, so with the demo data other tests
        // leave behind, a conversation started now can fall past the first page of "all".
        page.navigate("/app/inbox?filter=unread");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Inbox"))).isVisible();
        assertThat(page.locator(".inbox-item")).hasCount(0);
        waitForLiveStream(page);

        demo.startAsPatient(ALICE, "Dr. Patel", "Knee pain after running", "It hurts on the stairs since Sunday.");

        assertThat(page.locator("#inbox-results")).containsText("Knee pain after running");
        assertThat(page.locator(".inbox-item", new Page.LocatorOptions().setHasText("Knee pain after running")))
                .containsText("Alice Walker");
        assertThat(page.locator(".inbox-item.unread", new Page.LocatorOptions().setHasText("Knee pain after running")))
                .isVisible();
    }

    @Test
    void assignToMeWithTheKeyboard() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Assign me this", "Who will look at it?");
        signInStaff(page, KIM);
        page.navigate("/app/inbox");
        page.locator("body").press("?");
        assertThat(page.locator("#shortcuts")).hasAttribute("open", "");
        page.locator("body").press("?");

        page.navigate("/app/conversations/" + id);
        assertThat(page.locator(".patient-banner")).containsText("Born Mar 14, 1985");
        page.locator("body").press("a");
        assertThat(page.locator("#triage .assignee")).hasText("Assigned to Jenny Kim, RN");
        assertThat(page.locator("[data-shortcut=assign-to-me]")).hasCount(0);

        page.navigate("/app/inbox?filter=mine");
        assertThat(page.locator("#inbox-results")).containsText("Assign me this");
        page.locator("body").press("j");
        assertThat(page.locator(".inbox-item.selected")).hasCount(1);
    }

    @Test
    void replyWithATemplateFilledInForThePatient() {
        String id = api.post("/api/v1/conversations").token(demo.token(ALICE)).json(Map.of(
                "careTeamId", demo.team(ALICE, "Dr. Patel"), "subject", "Lisinopril refill", "body", "Two pills left.",
                "kind", "refill", "details", Map.of("medication", "Lisinopril 10 mg", "pharmacy", "Main St Pharmacy")))
                .send().json().get("id").asString();
        signInStaff(page, KIM);
        page.navigate("/app/conversations/" + id);
        assertThat(page.locator(".details")).containsText("Lisinopril 10 mg");
        assertThat(page.locator(".details")).containsText("Main St Pharmacy");

        page.getByLabel("Quick reply").selectOption(new SelectOption().setLabel("Refill sent to pharmacy"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Insert")).click();
        assertThat(page.locator("#reply-body")).hasValue(java.util.regex.Pattern.compile(
                "^Hi Alice, your refill has been sent to your pharmacy\\..*Jenny Kim, RN, Dr\\. Patel's team$",
                java.util.regex.Pattern.DOTALL));
        page.getByLabel("After sending").selectOption("waiting_on_patient");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();

        assertThat(page.locator("#thread")).containsText("Hi Alice, your refill has been sent");
        assertThat(page.locator("#reply-body")).hasValue("");
        assertThat(page.locator("#triage .status")).hasText("Waiting on patient");
        assertThat(demo.messages(ALICE, id).get(1).get("body").asString()).startsWith("Hi Alice, your refill");
    }

    @Test
    void anInternalNoteNeverReachesThePatientsBrowser() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Rash on my arm", "It itches.");
        Page alice = otherBrowser(false);
        signIn(alice, ALICE);
        alice.navigate("/app/conversations/" + id);

        signInStaff(page, KIM);
        page.navigate("/app/conversations/" + id);
        page.getByLabel("Internal note (only the care team sees it)").check();
        page.getByLabel("Internal note — only the care team sees it").fill("Looks like contact dermatitis; ask Dr. Patel before answering.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post note")).click();
        assertThat(page.locator(".message.internal")).containsText("contact dermatitis");
        assertThat(page.locator(".message.internal")).containsText("Internal note · not visible to the patient");

        page.getByLabel("Reply to the patient").check();
        page.getByLabel("Reply", new Page.GetByLabelOptions().setExact(true)).fill("Thank you, we are looking at it today.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();

        assertThat(alice.locator("#thread")).containsText("we are looking at it today");
        assertThat(alice.locator("#thread")).not().containsText("dermatitis");
        alice.reload();
        assertThat(alice.locator("#thread")).not().containsText("dermatitis");
        assertThat(alice.locator(".message.internal")).hasCount(0);
        saveAs(alice, "CareTeamWorkspaceBrowserTests-anInternalNoteNeverReachesThePatientsBrowser-patient");
        alice.context().close();
    }

    @Test
    void statusAndPriorityChangesAreSeenLiveByASecondStaffBrowser() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Dizzy in the mornings", "Since the new pills.");
        Page patel = otherBrowser(true);
        signInStaff(patel, PATEL);
        patel.navigate("/app/conversations/" + id);
        assertThat(patel.locator("#triage .priority")).hasText("Routine");

        signInStaff(page, KIM);
        page.navigate("/app/conversations/" + id);
        // Each change applies at once: no Save button with scripts on.
        page.getByLabel("Priority").selectOption("urgent");
        assertThat(page.locator("#triage .priority")).hasText("Urgent");
        page.getByLabel("Status").selectOption("waiting_on_patient");
        assertThat(page.locator("#triage .status")).hasText("Waiting on patient");
        assertThat(page.locator("#triage").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Save"))).hasCount(0);

        assertThat(patel.locator("#triage .priority")).hasText("Urgent");
        assertThat(patel.locator("#triage .status")).hasText("Waiting on patient");
        patel.navigate("/app/inbox?filter=urgent");
        assertThat(patel.locator("#inbox-results")).containsText("Dizzy in the mornings");
        saveAs(patel, "CareTeamWorkspaceBrowserTests-statusAndPriorityChangesAreSeenLiveByASecondStaffBrowser-second");
        patel.context().close();
    }

    @Test
    void findAPatientAndWriteToThem() {
        signInStaff(page, KIM);
        openMenu(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Patients")).click();
        page.getByLabel("Name or date of birth").fill("walker");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Walker, Alice")).click();
        assertThat(page.locator(".patient-banner")).containsText("Born Mar 14, 1985");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Write to Alice")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Write to Alice Walker")))
                .isVisible();
        page.getByLabel("Subject").fill("Your flu shot");
        page.getByLabel("Message to the patient").fill("Hi Alice, flu shots are in. Reply here to book one.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        page.waitForURL("**/app/conversations/*");
        assertThat(page.locator("#thread")).containsText("flu shots are in");
        assertThat(api.get("/api/v1/conversations").token(demo.token(ALICE)).send().body()).contains("Your flu shot");
    }

    @Test
    void anAdminAddsANurseToATeam() {
        signInStaff(page, RIVERSIDE_ADMIN);
        openMenu(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Practice admin")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Billing & front desk")).click();
        page.getByLabel("Add a member of staff").selectOption(new SelectOption().setLabel("Jenny Kim, RN (nurse)"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to team")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Added to the team.");
        try {
            assertThat(page.locator(".members-list")).containsText("Jenny Kim, RN");
            assertThat(api.get("/api/v1/care-teams").token(demo.token(KIM)).send().body())
                    .contains("Billing & front desk");
        } finally {
            // Kim goes back to her own team only: other tests (bulk actions, moves) take the demo
            // teams as seeded.
            PageSession admin = PageSession.signedIn(api.base(), RIVERSIDE_ADMIN);
            String billing = demo.team(RIVERSIDE_ADMIN, "Billing");
            admin.get("/app/admin/teams/" + billing);
            admin.post("/app/admin/teams/" + billing + "/members/" + demo.me(KIM).get("id").asString() + "/remove",
                    Map.of());
        }
        assertThat(api.get("/api/v1/care-teams").token(demo.token(KIM)).send().body()).doesNotContain("Billing");
    }

    @Test
    void anotherPracticesConversationUrlAnswersNotFound() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Riverside only", "Private to Riverside");
        signInStaff(page, LEE);
        Response response = page.navigate("/app/conversations/" + id);
        assertThat(response.status()).isEqualTo(404);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not found"))).isVisible();
        assertThat(page.locator("main")).not().containsText("Riverside only");
    }
}
