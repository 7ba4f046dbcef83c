package io.bedside.browser;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.bedside.support.AxeCheck;
import io.bedside.support.BrowserTest;

/** axe-core finds no serious or critical violation on any staff or admin page, in English or Spanish. */
class StaffAccessibilityBrowserTests extends BrowserTest {

    @Test
    void noSeriousOrCriticalViolationOnAnyStaffPage() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Accessible workspace", "Checking the staff pages");
        demo.note(KIM, id, "An internal note to show");
        demo.triage(KIM, id, Map.of("priority", "urgent"));
        String alice = demo.me(ALICE).get("patientId").asString();
        String team = demo.team(RIVERSIDE_ADMIN, "Billing");
        String template = jdbc.sql("select id from reply_template where owner_id is null and name = 'Appointment booked'")
                .query(java.util.UUID.class).single().toString();
        String campaign = api.post("/api/v1/campaigns").token(demo.token(RIVERSIDE_ADMIN)).json(Map.of(
                "name", "Accessible campaign", "careTeamId", demo.team(KIM, "Dr. Patel"),
                "cohort", Map.of("tags", List.of("nobody-has-this-tag")), "messages", Map.of("en", "Hi {firstName}")))
                .send().json().get("id").asString();
        useDesktop();
        signInStaff(page, RIVERSIDE_ADMIN);
        for (String lang : List.of("en", "es")) {
            for (String path : List.of("/app/inbox", "/app/inbox?filter=all", "/app/inbox?filter=urgent&kind=question",
                    "/app/conversations/" + id, "/app/patients", "/app/patients?q=walker", "/app/patients/" + alice,
                    "/app/conversations/new?patient=" + alice, "/app/templates", "/app/templates/" + template,
                    "/app/admin/teams", "/app/admin/teams/" + team, "/app/admin/staff",
                    "/app/admin/audit", "/app/admin/audit?patient=" + alice, "/app/admin/practice",
                    "/app/admin/notifications", "/app/settings/notifications", "/app/settings/security", "/app/dev/mailbox",
                    "/app/campaigns", "/app/campaigns/new", "/app/campaigns/" + campaign,
                    "/unsubscribe/not-a-real-link-for-axe")) {
                page.navigate(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
                AxeCheck.noSeriousViolations(page, path + " (" + lang + ")");
            }
        }
        page.setViewportSize(PHONE_WIDTH, PHONE_HEIGHT);
        page.navigate("/app/conversations/" + id + "?lang=en");
        AxeCheck.noSeriousViolations(page, "conversation on a phone");
    }
}
