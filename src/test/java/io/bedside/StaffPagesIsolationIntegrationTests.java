package io.bedside;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.CAROL;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.LAKESIDE_ADMIN;
import static io.bedside.support.Demo.LEE;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.bedside.support.ApplicationTest;
import io.bedside.support.PageSession;

/**
 * Staff of one practice never see another practice's anything, page by page: every page that
 * names a Riverside conversation, patient, team, template or member of staff answers Lakeside's
 * staff "not found", exactly as a missing id; lists and searches never show Riverside's. And
 * patients find no staff page at all.
 */
class StaffPagesIsolationIntegrationTests extends ApplicationTest {

    @Test
    void everyStaffPageOfAnotherPracticeIsNotFound() {
        String conversation = demo.startAsPatient(ALICE, "Dr. Patel", "Riverside secret subject", "Riverside only");
        demo.note(KIM, conversation, "Riverside internal note");
        String alice = demo.me(ALICE).get("patientId").asString();
        String team = demo.team(KIM, "Dr. Patel");
        String kim = demo.me(KIM).get("id").asString();
        String template = jdbc.sql("select r.id from reply_template r join practice p on p.id = r.practice_id "
                + "where p.slug = 'riverside' and r.name = 'Appointment booked'").query(java.util.UUID.class).single()
                .toString();

        for (String lakeside : List.of(LEE, LAKESIDE_ADMIN)) {
            PageSession other = PageSession.signedIn(api.base(), lakeside);
            for (String path : List.of("/app/conversations/" + conversation, "/app/conversations/" + conversation + "/thread",
                    "/app/conversations/" + conversation + "/triage", "/app/conversations/" + conversation + "/export.pdf",
                    "/app/conversations/" + conversation + "/due",
                    "/app/patients/" + alice, "/app/patients/" + alice + "/contact",
                    "/app/conversations/new?patient=" + alice, "/app/templates/" + template,
                    "/app/inbox?team=" + team, "/app/search?q=riverside&team=" + team,
                    "/app/search?q=riverside&patient=" + alice, "/app/search?patient=" + alice,
                    "/app/analytics?teamId=" + team,
                    "/app/analytics/response-times.csv?teamId=" + team, "/app/analytics/volume.csv?groupBy=hour&teamId=" + team,
                    "/app/analytics/campaigns.csv?teamId=" + team)) {
                var answer = other.get(path);
                assertThat(answer.status()).as(lakeside + " GET " + path).isEqualTo(404);
                assertThat(answer.body()).doesNotContain("Riverside secret subject").doesNotContain("Alice");
            }
            other.get("/app/inbox");
            for (var post : Map.of(
                    "/app/conversations/" + conversation + "/triage", Map.of("priority", "urgent"),
                    "/app/conversations/" + conversation + "/quick-reply", Map.of("template", template),
                    "/app/conversations/new/quick-reply", Map.of("template", template, "patientId", alice),
                    "/app/conversations/" + conversation + "/messages", Map.of("body", "intruder"),
                    "/app/conversations/" + conversation + "/calls", Map.of("outcome", "intruder"),
                    "/app/templates/" + template, Map.of("name", "x", "body", "y"),
                    "/app/templates/" + template + "/delete", Map.<String, String>of(),
                    "/app/patients/" + alice + "/contact", Map.of("email", "intruder@example.org", "language", "en"))
                    .entrySet()) {
                assertThat(other.post(post.getKey(), post.getValue()).status()).as(lakeside + " POST " + post.getKey())
                        .isEqualTo(404);
            }
            var inbox = other.get("/app/inbox?filter=all");
            assertThat(inbox.status()).isEqualTo(200);
            assertThat(inbox.body()).doesNotContain("Riverside secret subject").doesNotContain("Alice Walker");
            var messages = other.get("/app/search?q=riverside+secret");
            assertThat(messages.status()).isEqualTo(200);
            assertThat(messages.body()).doesNotContain("Riverside secret subject").doesNotContain("Alice")
                    .doesNotContain("Riverside internal note").doesNotContain("<mark>");
            var search = other.get("/app/patients?q=walker");
            assertThat(search.body()).doesNotContain("Alice").contains("None found");
            assertThat(other.get("/app/templates").body()).doesNotContain("Appointment booked");
        }

        String campaign = api.post("/api/v1/campaigns").token(demo.token(RIVERSIDE_ADMIN)).json(Map.of(
                "name", "Riverside secret campaign", "careTeamId", team,
                "cohort", Map.of("tags", List.of("nobody-has-this-tag")), "messages", Map.of("en", "Hi {firstName}")))
                .send().json().get("id").asString();
        PageSession lakesideAdmin = PageSession.signedIn(api.base(), LAKESIDE_ADMIN);
        for (String path : List.of("/app/admin/teams/" + team, "/app/admin/audit?patient=" + alice,
                "/app/campaigns/" + campaign, "/app/campaigns/" + campaign + "/funnel")) {
            assertThat(lakesideAdmin.get(path).status()).as(path).isEqualTo(404);
        }
        lakesideAdmin.get("/app/admin/staff");
        for (String path : List.of("/app/admin/staff/" + kim + "/disable", "/app/admin/staff/" + kim + "/reinvite",
                "/app/admin/staff/" + kim + "/password-reset",
                "/app/admin/teams/" + team + "/members", "/app/admin/teams/" + team,
                "/app/admin/patients/" + alice + "/close", "/app/admin/patients/" + alice + "/reopen")) {
            assertThat(lakesideAdmin.post(path, Map.of("staffId", kim, "name", "Taken over",
                    "expectedResponseHours", "1", "reason", "moved_away")).status()).as("POST " + path).isEqualTo(404);
        }
        for (String path : List.of("/api/v1/patients/" + alice + "/close", "/api/v1/patients/" + alice + "/reopen")) {
            assertThat(api.post(path).token(demo.token(LAKESIDE_ADMIN)).json(Map.of("reason", "moved_away",
                    "correction", true)).send().status()).as("POST " + path).isEqualTo(404);
        }
        assertThat(api.get("/api/v1/me").token(demo.token(ALICE)).send().status()).as("Alice's account is open").isEqualTo(200);
        assertThat(lakesideAdmin.post("/app/campaigns/" + campaign + "/cancel", Map.of()).status()).isEqualTo(404);
        assertThat(lakesideAdmin.post("/app/campaigns/senders", Map.of("userId", kim, "allowed", "true")).status())
                .isEqualTo(404);
        assertThat(lakesideAdmin.get("/app/campaigns").body()).doesNotContain("Riverside secret campaign");
        assertThat(lakesideAdmin.get("/app/admin/staff").body()).doesNotContain("Jenny Kim");
        assertThat(lakesideAdmin.get("/app/admin/teams").body()).doesNotContain("Dr. Patel");
        assertThat(lakesideAdmin.get("/app/admin/audit").body()).doesNotContain("Jenny Kim").doesNotContain("Alice");
        // Riverside is untouched.
        assertThat(api.get("/api/v1/me").token(demo.token(KIM)).send().status()).isEqualTo(200);
        assertThat(demo.messages(KIM, conversation)).hasSize(2);
    }

    @Test
    void patientsFindNoStaffPages() {
        PageSession carol = PageSession.signedIn(api.base(), CAROL);
        for (String path : List.of("/app/inbox", "/app/inbox/fragment", "/app/patients", "/app/patients?q=nguyen",
                "/app/templates", "/app/admin/teams", "/app/admin/staff", "/app/admin/audit", "/app/campaigns",
                "/app/campaigns/new", "/app/patients/" + demo.me(CAROL).get("patientId").asString() + "/contact",
                "/app/analytics", "/app/analytics/volume.csv")) {
            assertThat(carol.get(path).status()).as(path).isEqualTo(404);
        }
        // The search page is theirs too, but only over records they act for: another's is not found.
        String alice = demo.me(ALICE).get("patientId").asString();
        assertThat(carol.get("/app/search?q=anything&patient=" + alice).status()).isEqualTo(404);
        assertThat(carol.get("/app/search?patient=" + alice).status()).isEqualTo(404);
        carol.get("/app/conversations");
        assertThat(carol.post("/app/conversations/new/quick-reply", Map.of("patientId",
                demo.me(CAROL).get("patientId").asString())).status()).isEqualTo(404);
        assertThat(carol.post("/app/patients/new", Map.of("externalId", "SNEAK-1", "givenName", "A", "familyName", "B",
                "birthDate", "2000-01-01")).status()).isEqualTo(404);
        String own = demo.startAsPatient(CAROL, "Pediatrics", "My own", "Hello");
        assertThat(carol.get("/app/conversations/" + own + "/triage").status()).isEqualTo(404);
        assertThat(carol.get("/app/conversations/" + own + "/due").status()).isEqualTo(404);
        carol.get("/app/conversations/" + own);
        assertThat(carol.post("/app/conversations/" + own + "/calls", Map.of("outcome", "sneaky")).status())
                .as("calls are the care team's").isEqualTo(404);
        carol.get("/app/conversations/" + own);
        assertThat(carol.post("/app/conversations/" + own + "/triage", Map.of("priority", "urgent")).status())
                .isEqualTo(403);
        assertThat(carol.post("/app/conversations/" + own + "/messages", Map.of("body", "sneaky", "internal", "true"))
                .status()).isEqualTo(403);
        var page = carol.get("/app/conversations/" + own);
        assertThat(page.body()).doesNotContain("sneaky").doesNotContain("Triage");
    }

    @Test
    void staffLandOnTheirInboxAndAdminsSeeTheAdminPages() {
        PageSession kim = PageSession.signedIn(api.base(), KIM);
        assertThat(kim.get("/app").location()).endsWith("/app/inbox");
        assertThat(kim.get("/app/inbox").body()).contains("Inbox").doesNotContain("Practice admin")
                .doesNotContain("/app/analytics");
        PageSession admin = PageSession.signedIn(api.base(), RIVERSIDE_ADMIN);
        assertThat(admin.get("/app/inbox").body()).contains("Practice admin").contains("/app/analytics");
        // Admins land on their overview: teams with member counts, staff, invitations, failed notices.
        assertThat(admin.get("/app").location()).endsWith("/app/admin");
        var overview = admin.get("/app/admin");
        assertThat(overview.status()).isEqualTo(200);
        assertThat(overview.body()).contains("Dr. Patel&#39;s team").containsPattern("\\d+ members?<")
                .contains("Failed notices").doesNotContain("Alice");
        assertThat(kim.get("/app/admin").status()).isEqualTo(403);
        assertThat(PageSession.signedIn(api.base(), ALICE).get("/app/admin").status()).isEqualTo(404);
        PageSession alice = PageSession.signedIn(api.base(), ALICE);
        assertThat(alice.get("/app").location()).endsWith("/app/conversations");
    }

    @Test
    void theWorkspaceWorksWithoutScripts() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "No scripts here", "Plain forms please");
        String template = jdbc.sql("select r.id from reply_template r join practice p on p.id = r.practice_id "
                + "where p.slug = 'riverside' and r.name = 'Results normal'").query(java.util.UUID.class).single()
                .toString();
        PageSession kim = PageSession.signedIn(api.base(), KIM);
        assertThat(kim.get("/app/conversations/" + id).body()).contains("Born Mar 14, 1985").contains("Triage");
        var due = kim.get("/app/conversations/" + id + "/due");
        assertThat(due.status()).as("the due banner alone, for live refreshes").isEqualTo(200);
        assertThat(due.body()).contains("id=\"due\"").contains("Answer due by").doesNotContain("hx-swap-oob");

        var filled = kim.post("/app/conversations/" + id + "/quick-reply", Map.of("template", template,
                "body", "Good news."));
        assertThat(filled.status()).isEqualTo(200);
        assertThat(filled.body()).contains("Good news.\n\nHi Alice, your results are back and they are normal.");
        assertThat(demo.messages(KIM, id)).hasSize(1);

        var taken = kim.post("/app/conversations/" + id + "/triage", Map.of("assignee", "me", "priority", "high"));
        assertThat(taken.status()).isEqualTo(302);
        var page = kim.get("/app/conversations/" + id);
        assertThat(page.body()).contains("Assigned to Jenny Kim, RN").contains("Saved.").contains(">Undo<");
        var sent = kim.post("/app/conversations/" + id + "/messages", Map.of("body", "Noted, thank you.",
                "internal", "true", "then", "closed"));
        assertThat(sent.status()).isEqualTo(302);
        var messages = demo.messages(KIM, id);
        assertThat(messages.get(1).get("internal").asBoolean()).isTrue();
        assertThat(demo.messages(ALICE, id)).hasSize(1);
        assertThat(api.get("/api/v1/conversations/" + id).token(demo.token(KIM)).send().json().get("status").asString())
                .isEqualTo("closed");
        assertThat(kim.get("/app/conversations/" + id).body()).doesNotContain("Triage\n").contains("Closed");
    }

    /**
     * The care team's day (issue 19): the follow-up forms of a Riverside conversation are not found
     * for Lakeside's staff and for patients (even on their own conversation), and change nothing.
     */
    @Test
    void theFollowUpFormsAreRiversidesStaffsOnly() {
        String conversation = demo.startAsPatient(ALICE, "Dr. Patel", "Riverside follow-up", "Riverside only");
        String sibling = demo.startAsPatient(ALICE, "Dr. Patel", "Riverside other", "Riverside only");
        Map<String, Map<String, String>> posts = Map.of(
                "/snooze", Map.of("days", "3"),
                "/wake", Map.of(),
                "/unread", Map.of(),
                "/move", Map.of("careTeam", demo.team(RIVERSIDE_ADMIN, "Billing")),
                "/merge", Map.of("into", sibling));
        for (String lakeside : List.of(LEE, LAKESIDE_ADMIN)) {
            PageSession other = PageSession.signedIn(api.base(), lakeside);
            other.get("/app/inbox");
            for (var post : posts.entrySet()) {
                assertThat(other.post("/app/conversations/" + conversation + post.getKey(), post.getValue()).status())
                        .as(lakeside + " POST " + post.getKey()).isEqualTo(404);
            }
        }
        for (String lakeside : List.of(LEE, LAKESIDE_ADMIN)) {
            PageSession other = PageSession.signedIn(api.base(), lakeside);
            other.get("/app/inbox");
            var bulk = other.postPairs("/app/inbox/bulk", List.of(Map.entry("ids", conversation + "@1"),
                    Map.entry("action", "close")));
            assertThat(bulk.status()).as(lakeside + " bulk").isEqualTo(302);
            assertThat(other.get(bulk.location().replaceFirst("^https?://[^/]+", "")).body())
                    .contains("0 done, 1 could not be changed.")
                    .doesNotContain("Riverside follow-up");
        }
        PageSession alice = PageSession.signedIn(api.base(), ALICE);
        alice.get("/app/conversations/" + conversation);
        assertThat(alice.postPairs("/app/inbox/bulk", List.of(Map.entry("ids", conversation + "@1"),
                Map.entry("action", "close"))).status()).as("the patient POST bulk").isEqualTo(404);
        alice.get("/app/conversations/" + conversation);
        for (var post : posts.entrySet()) {
            assertThat(alice.post("/app/conversations/" + conversation + post.getKey(), post.getValue()).status())
                    .as("the patient POST " + post.getKey()).isEqualTo(404);
        }
        assertThat(jdbc.sql("select count(*) from conversation where id = :id and snoozed_until is null"
                + " and status = 'OPEN' and merged_into is null and care_team_id = :team")
                .param("team", java.util.UUID.fromString(demo.team(KIM, "Dr. Patel"))).param("id", java.util.UUID.fromString(conversation))
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from conversation_unread_mark where conversation_id = :id")
                .param("id", java.util.UUID.fromString(conversation)).query(Long.class).single()).isZero();

        // Without scripts, Kim snoozes it from the conversation page and finds it in the Snoozed view.
        PageSession kim = PageSession.signedIn(api.base(), KIM);
        assertThat(kim.get("/app/conversations/" + conversation).body()).contains("Snooze until").contains("Mark unread");
        assertThat(kim.post("/app/conversations/" + conversation + "/snooze", Map.of("days", "3")).status())
                .isEqualTo(302);
        assertThat(kim.get("/app/conversations/" + conversation).body()).contains("Snoozed.").contains("Wake now");
        assertThat(kim.get("/app/inbox?filter=snoozed").body()).contains("Riverside follow-up");
        assertThat(kim.get("/app/inbox?filter=open").body()).doesNotContain("Riverside follow-up");
        var unread = kim.post("/app/conversations/" + conversation + "/unread", Map.of());
        assertThat(unread.status()).isEqualTo(302);
        assertThat(unread.location()).endsWith("/app/inbox");
        // The shared database holds many unread conversations, so the view's first page need not list
        // this one (FollowUpsIntegrationTests checks the view itself): the mark is Kim's, and stored.
        assertThat(kim.get("/app/inbox?filter=unread").body()).contains("Marked unread");
        assertThat(jdbc.sql("select count(*) from conversation_unread_mark where conversation_id = :id")
                .param("id", java.util.UUID.fromString(conversation)).query(Long.class).single()).isOne();
    }

    /**
     * The visit request pages (issue 19, scheduling): Lakeside's staff get "not found" for
     * Riverside's request and its conversation's form, and their queue never lists it; patients
     * find neither the queue nor the form, nor can they work a request as the front desk.
     */
    @Test
    void visitRequestPagesOfAnotherPracticeAreNotFound() {
        String conversation = demo.startAsPatient(ALICE, "Dr. Patel", "Riverside visit subject", "Riverside only");
        var made = api.post("/api/v1/conversations/" + conversation + "/visit-request").token(demo.token(KIM))
                .json(Map.of("reason", "Riverside secret reason", "urgency", "soon", "visitType", "video")).send();
        assertThat(made.status()).isEqualTo(201);
        String request = made.json().get("id").asString();
        assertThat(PageSession.signedIn(api.base(), RIVERSIDE_ADMIN).get("/app/visit-requests").body())
                .contains(request).contains("Alice");
        for (String lakeside : List.of(LEE, LAKESIDE_ADMIN)) {
            PageSession other = PageSession.signedIn(api.base(), lakeside);
            for (String path : List.of("/app/visit-requests/" + request, "/app/conversations/" + conversation + "/visit-request")) {
                assertThat(other.get(path).status()).as(lakeside + " " + path).isEqualTo(404);
            }
            other.get("/app/visit-requests");
            for (var post : Map.of("/app/visit-requests/" + request + "/offer", Map.of("startsAt", "2030-01-01T10:00"),
                    "/app/visit-requests/" + request + "/book", Map.of("startsAt", "2030-01-01T10:00"),
                    "/app/visit-requests/" + request + "/decline", Map.<String, String>of(),
                    "/app/conversations/" + conversation + "/visit-request",
                    Map.of("reason", "intruder", "urgency", "soon", "visitType", "video")).entrySet()) {
                assertThat(other.post(post.getKey(), post.getValue()).status()).as(lakeside + " " + post.getKey())
                        .isEqualTo(404);
            }
            for (String status : List.of("", "?status=requested")) {
                assertThat(other.get("/app/visit-requests" + status).body()).as(lakeside)
                        .doesNotContain(request).doesNotContain("Alice");
            }
        }
        PageSession carol = PageSession.signedIn(api.base(), CAROL);
        assertThat(carol.get("/app/visit-requests").status()).isEqualTo(404);
        assertThat(carol.get("/app/visit-requests/" + request).status()).isEqualTo(404);
        PageSession alice = PageSession.signedIn(api.base(), ALICE);
        assertThat(alice.get("/app/conversations/" + conversation + "/visit-request").status()).isEqualTo(404);
        alice.get("/app/visit-requests/" + request);
        assertThat(alice.post("/app/visit-requests/" + request + "/offer", Map.of("startsAt", "2030-01-01T10:00"))
                .status()).isEqualTo(404);
        assertThat(jdbc.sql("select status from visit_request where id = cast(:id as uuid)").param("id", request)
                .query(String.class).single()).isEqualTo("requested");
    }

    /** The SMS number page (issue 18): the practice's admins only; another practice's admin sees their own. */
    @Test
    void theSmsNumberPageIsThePracticeAdminsOnly() {
        String riverside = demo.token(RIVERSIDE_ADMIN);
        assertThat(api.put("/api/v1/practice/sms").token(riverside).json(Map.of("phone", "+15555550186")).send()
                .status()).isEqualTo(200);
        try {
            PageSession admin = PageSession.signedIn(api.base(), RIVERSIDE_ADMIN);
            assertThat(admin.get("/app/admin/sms").body()).contains("+15555550186").contains("/api/v1/sms/inbound");
            PageSession lakesideAdmin = PageSession.signedIn(api.base(), LAKESIDE_ADMIN);
            var other = lakesideAdmin.get("/app/admin/sms");
            assertThat(other.status()).isEqualTo(200);
            assertThat(other.body()).doesNotContain("+15555550186");
            assertThat(PageSession.signedIn(api.base(), KIM).get("/app/admin/sms").status()).isEqualTo(403);
            assertThat(PageSession.signedIn(api.base(), CAROL).get("/app/admin/sms").status()).isEqualTo(404);
        } finally {
            api.put("/api/v1/practice/sms").token(riverside).json(Map.of("phone", "")).send();
        }
    }
}
