package io.bedside.outreach;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.LAKESIDE_ADMIN;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import io.bedside.identity.Accounts;
import io.bedside.patient.Patients;
import io.bedside.patient.RosterEntry;
import io.bedside.patient.Sex;
import io.bedside.practice.CareTeams;
import io.bedside.practice.OfficeHours;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import io.bedside.support.PageSession;
import io.bedside.support.Race;
import tools.jackson.databind.JsonNode;

/**
 * Outreach campaigns through the API and the sender: cohorts by each criterion, placeholders and
 * languages, restarts and two senders without duplicates, opt-out, the funnel, and practices kept
 * apart. Each test makes its own patients with a tag of its own, so other tests' data never counts.
 */
@BothDatabases
class OutreachIntegrationTests extends ApplicationTest {

    @Autowired
    CampaignSender sender;
    @Autowired
    Patients patients;
    @Autowired
    Accounts accounts;
    @Autowired
    CareTeams careTeams;
    @Autowired
    TransactionTemplate transaction;

    private String tag;
    private PracticeId riverside;
    private String patelTeam;

    @BeforeEach
    void freshTag() {
        tag = "t" + UUID.randomUUID().toString().substring(0, 8);
        riverside = demo.actor(RIVERSIDE_ADMIN).practiceId();
        patelTeam = demo.team(KIM, "Dr. Patel");
    }

    // ------------------------------------------------------------ helpers

    private record Person(String externalId, String given, LocalDate born, Sex sex, String language, List<String> tags,
            LocalDate lastVisit) {
    }

    private Person person(String given, int age, Sex sex, String language, LocalDate lastVisit, String... tags) {
        List<String> all = new ArrayList<>(List.of(tags));
        all.add(tag);
        return new Person(tag + "-" + given, given, LocalDate.now().minusYears(age).minusDays(40), sex, language, all,
                lastVisit);
    }

    private PatientId add(PracticeId practice, Person p) {
        patients.upsertRoster(practice, List.of(new RosterEntry(p.externalId(), p.given(), "Tester", p.born(), p.sex(),
                null, null, p.language(), p.tags(), p.lastVisit())));
        return PatientId.of(jdbc.sql("select id from patient where practice_id = :p and external_id = :e")
                .param("p", practice.value()).param("e", p.externalId()).query(UUID.class).single());
    }

    /** A patient who can sign in (password demo-password), for reading and answering. */
    private String withAccount(PracticeId practice, Person p) {
        PatientId id = add(practice, p);
        String email = p.externalId().toLowerCase() + "@patients.example";
        accounts.createPatientAccount(practice, id, email, "demo-password");
        return email;
    }

    private Map<String, Object> campaign(String name, Map<String, Object> cohort, Map<String, String> messages) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("careTeamId", patelTeam);
        body.put("cohort", cohort);
        body.put("messages", messages);
        return body;
    }

    private Map<String, Object> mine(Object... criteria) {
        Map<String, Object> cohort = new LinkedHashMap<>();
        List<String> tags = new ArrayList<>(List.of(tag));
        for (int i = 0; i < criteria.length; i += 2) {
            if (criteria[i].equals("tags")) {
                @SuppressWarnings("unchecked")
                List<String> more = (List<String>) criteria[i + 1];
                tags.addAll(more);
            } else {
                cohort.put((String) criteria[i], criteria[i + 1]);
            }
        }
        cohort.put("tags", tags);
        return cohort;
    }

    private Api.Response create(String admin, Map<String, Object> body) {
        return api.post("/api/v1/campaigns").token(demo.token(admin)).json(body).send();
    }

    private JsonNode get(String admin, String id) {
        Api.Response r = api.get("/api/v1/campaigns/" + id).token(demo.token(admin)).send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private int count(Map<String, Object> cohort) {
        Api.Response r = api.post("/api/v1/campaigns/preview").token(demo.token(RIVERSIDE_ADMIN))
                .json(Map.of("cohort", cohort)).send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("count").asInt();
    }

    private void sendAll() {
        sender.startDue();
        while (sender.send(500) > 0) {
            // until every pending recipient is written to
        }
    }

    private Map<PatientId, String> conversations(String campaignId) {
        Map<PatientId, String> byPatient = new HashMap<>();
        jdbc.sql("select patient_id, conversation_id from campaign_recipient where campaign_id = :c and status = 'sent'")
                .param("c", UUID.fromString(campaignId))
                .query((rs, n) -> byPatient.put(PatientId.of(rs.getObject(1, UUID.class)), rs.getString(2))).list();
        return byPatient;
    }

    private long campaignConversationsOf(List<PatientId> people) {
        return jdbc.sql("select count(*) from conversation where kind = 'CAMPAIGN' and patient_id in (:ids)")
                .param("ids", people.stream().map(PatientId::value).toList()).query(Long.class).single();
    }

    private String firstMessage(String staff, String conversation) {
        return demo.messages(staff, conversation).get(0).get("body").asString();
    }

    // ------------------------------------------------------------ cohorts

    @Test
    void aCohortSelectsByEachCriterionAndNeverThoseWhoOptedOut() {
        LocalDate today = LocalDate.now();
        add(riverside, person("Ana", 70, Sex.FEMALE, "es", today.minusYears(2), "diabetes"));
        add(riverside, person("Ben", 45, Sex.MALE, "en", today.minusMonths(3), "diabetes", "asthma"));
        add(riverside, person("Cleo", 30, Sex.FEMALE, "en", null));
        add(riverside, person("Dev", 8, Sex.MALE, "es-mx", today.minusDays(10), "asthma"));
        add(riverside, person("Eve", 52, Sex.OTHER, "fr", today.minusYears(1).minusDays(1), "diabetes"));
        PatientId gone = add(riverside, person("Finn", 60, Sex.MALE, "en", today.minusYears(3), "diabetes"));
        patients.setOptedOutOfCampaigns(riverside, gone, true);

        assertThat(count(mine())).isEqualTo(5);
        assertThat(count(mine("tags", List.of("diabetes")))).isEqualTo(3);
        assertThat(count(mine("tags", List.of("diabetes", "asthma")))).isEqualTo(1);
        assertThat(count(mine("minAge", 45))).isEqualTo(3);
        assertThat(count(mine("maxAge", 45))).isEqualTo(3);
        assertThat(count(mine("minAge", 18, "maxAge", 64))).isEqualTo(3);
        assertThat(count(mine("sex", "female"))).isEqualTo(2);
        assertThat(count(mine("languages", List.of("es")))).isEqualTo(2);
        assertThat(count(mine("languages", List.of("en", "es")))).isEqualTo(4);
        // Before a day: an earlier visit, or none on record.
        assertThat(count(mine("lastVisitBefore", today.minusYears(1).toString()))).isEqualTo(3);
        assertThat(count(mine("lastVisitAfter", today.minusMonths(6).toString()))).isEqualTo(2);

        JsonNode preview = api.post("/api/v1/campaigns/preview").token(demo.token(RIVERSIDE_ADMIN))
                .json(Map.of("cohort", mine("sex", "female"))).send().json();
        List<String> names = new ArrayList<>();
        preview.get("sample").forEach(m -> names.add(m.get("name").asString() + " " + m.get("age").asInt()));
        assertThat(names).containsExactlyInAnyOrder("Ana Tester 70", "Cleo Tester 30");
        // Showing a patient in the sample is an access to their record, on their audit trail.
        String ana = preview.get("sample").get(0).get("name").asString().startsWith("Ana")
                ? preview.get("sample").get(0).get("patientId").asString()
                : preview.get("sample").get(1).get("patientId").asString();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'cohort.previewed' and patient_id = :p")
                .param("p", UUID.fromString(ana)).query(Long.class).single()).isPositive();
    }

    @Test
    void notContactedInNDaysLeavesOutWhomACampaignWroteToLately() {
        add(riverside, person("Gus", 40, Sex.MALE, "en", null, "flu"));
        add(riverside, person("Hana", 40, Sex.FEMALE, "en", null));
        Api.Response first = create(RIVERSIDE_ADMIN, campaign("Flu shots", mine("tags", List.of("flu")),
                Map.of("en", "Hi {firstName}, flu shots are here.")));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        sendAll();

        assertThat(count(mine())).isEqualTo(2);
        assertThat(count(mine("notContactedDays", 30))).isEqualTo(1);
    }

    // ------------------------------------------------------------ sending

    @Test
    void eachPatientGetsOneConversationInTheirLanguageWithThePlaceholdersFilledIn() {
        PatientId ivy = add(riverside, person("Ivy", 50, Sex.FEMALE, "en", null));
        PatientId jose = add(riverside, person("José", 50, Sex.MALE, "es", null));
        PatientId kurt = add(riverside, person("Kurt", 50, Sex.MALE, "de", null));
        Api.Response created = create(RIVERSIDE_ADMIN, campaign("Annual wellness visit", mine(), Map.of(
                "en", "Hi {firstName}, {practice} invites you to your annual visit. Reply here and {careTeam} will book it.",
                "es", "Hola {firstName}, {practice} le invita a su visita anual. Responda aquí y {careTeam} la reservará.")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/campaigns/" + created.json().get("id").asString());
        String id = created.json().get("id").asString();
        assertThat(created.json().get("status").asString()).isEqualTo("scheduled");
        assertThat(created.json().get("counts").get("targeted").asInt()).isEqualTo(3);

        sendAll();

        JsonNode done = get(RIVERSIDE_ADMIN, id);
        assertThat(done.get("status").asString()).isEqualTo("sent");
        assertThat(done.get("counts").get("targeted").asInt()).isEqualTo(3);
        assertThat(done.get("counts").get("sent").asInt()).isEqualTo(3);
        assertThat(done.get("cohort").get("tags").get(0).asString()).isEqualTo(tag);
        Map<PatientId, String> sent = conversations(id);
        assertThat(firstMessage(KIM, sent.get(ivy))).isEqualTo(
                "Hi Ivy, Riverside Family Medicine invites you to your annual visit. Reply here and Dr. Patel's team will book it.");
        assertThat(firstMessage(KIM, sent.get(jose))).isEqualTo(
                "Hola José, Riverside Family Medicine le invita a su visita anual. Responda aquí y Dr. Patel's team la reservará.");
        // No German text: the practice's language.
        assertThat(firstMessage(KIM, sent.get(kurt))).startsWith("Hi Kurt, Riverside Family Medicine invites you");
        JsonNode conversation = api.get("/api/v1/conversations/" + sent.get(ivy)).token(demo.token(KIM)).send().json();
        assertThat(conversation.get("kind").asString()).isEqualTo("campaign");
        assertThat(conversation.get("subject").asString()).isEqualTo("Annual wellness visit");
        assertThat(conversation.get("status").asString()).isEqualTo("waiting_on_patient");
        assertThat(campaignConversationsOf(List.of(ivy, jose, kurt))).isEqualTo(3);
    }

    @Test
    void aRestartInTheMiddleOfACampaignSendsToEveryPatientExactlyOnce() {
        List<PatientId> people = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            people.add(add(riverside, person("P" + i, 30 + i, Sex.UNKNOWN, "en", null)));
        }
        String id = create(RIVERSIDE_ADMIN, campaign("Colon cancer screening", mine(),
                Map.of("en", "Hi {firstName}, it is time for your screening."))).json().get("id").asString();
        sender.startDue();
        assertThat(sender.send(10)).isEqualTo(10);

        // A node dies half-way through a batch: its transaction never commits.
        try {
            transaction.executeWithoutResult(tx -> {
                assertThat(sender.send(7)).isEqualTo(7);
                throw new IllegalStateException("the node died");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertThat(get(RIVERSIDE_ADMIN, id).get("counts").get("sent").asInt()).isEqualTo(10);

        // After the restart the rest goes out, and nobody twice.
        sendAll();
        JsonNode done = get(RIVERSIDE_ADMIN, id);
        assertThat(done.get("counts").get("sent").asInt()).isEqualTo(30);
        assertThat(done.get("status").asString()).isEqualTo("sent");
        assertThat(campaignConversationsOf(people)).isEqualTo(30);
        assertThat(conversations(id).keySet()).containsExactlyInAnyOrderElementsOf(people);
    }

    @Test
    void twoSendersAtOnceNeverWriteToAPatientTwice() throws InterruptedException {
        List<PatientId> people = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            people.add(add(riverside, person("Q" + i, 40, Sex.FEMALE, "en", null)));
        }
        String id = create(RIVERSIDE_ADMIN, campaign("Mammogram reminder", mine(),
                Map.of("en", "Hi {firstName}, your mammogram is due."))).json().get("id").asString();
        sender.startDue();
        List<Callable<Integer>> nodes = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            nodes.add(() -> {
                int total = 0;
                int sent;
                do {
                    sent = sender.send(3);
                    total += sent;
                } while (sent > 0);
                return total;
            });
        }
        List<Integer> sentByEach = Race.statuses(nodes);
        assertThat(sentByEach.stream().mapToInt(Integer::intValue).sum()).isEqualTo(40);
        assertThat(campaignConversationsOf(people)).isEqualTo(40);
        assertThat(get(RIVERSIDE_ADMIN, id).get("counts").get("sent").asInt()).isEqualTo(40);
    }

    // ------------------------------------------------------------ the patient's side

    @Test
    void theFunnelCountsReadsRepliesAndOptOutsAndTheReplyLandsInTheTeamInbox() {
        String lena = withAccount(riverside, person("Lena", 35, Sex.FEMALE, "en", null));
        String mo = withAccount(riverside, person("Mo", 36, Sex.MALE, "en", null));
        String nia = withAccount(riverside, person("Nia", 37, Sex.FEMALE, "en", null));
        add(riverside, person("Omar", 38, Sex.MALE, "en", null));
        JsonNode preview = api.post("/api/v1/campaigns/preview").token(demo.token(RIVERSIDE_ADMIN))
                .json(Map.of("cohort", mine())).send().json();
        assertThat(preview.get("count").asInt()).isEqualTo(4);
        // Omar has no account yet: he sees it once he accepts his invitation, and is told nothing before.
        assertThat(preview.get("withAccount").asInt()).isEqualTo(3);
        String id = create(RIVERSIDE_ADMIN, campaign("Flu shot clinic", mine(),
                Map.of("en", "Hi {firstName}, our flu shot clinic is open. Reply to book."))).json().get("id").asString();
        sendAll();

        String lenaToken = api.signIn(lena, "demo-password");
        JsonNode lenaList = api.get("/api/v1/conversations").token(lenaToken).send().json();
        String conversation = lenaList.get("items").get(0).get("id").asString();
        assertThat(lenaList.get("items").get(0).get("kind").asString()).isEqualTo("campaign");
        api.post("/api/v1/conversations/" + conversation + "/read").token(lenaToken).json(Map.of("seq", 1)).send();
        Api.Response reply = api.post("/api/v1/conversations/" + conversation + "/messages").token(lenaToken)
                .json(Map.of("body", "Yes please, Thursday morning works.")).send();
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);

        String moToken = api.signIn(mo, "demo-password");
        String moConversation = api.get("/api/v1/conversations").token(moToken).send().json()
                .get("items").get(0).get("id").asString();
        api.post("/api/v1/conversations/" + moConversation + "/read").token(moToken).json(Map.of("seq", 1)).send();

        // Nia says no from the message itself, in the browser's page.
        PageSession niaPages = new PageSession("http://127.0.0.1:" + port);
        niaPages.get("/login");
        niaPages.post("/login", Map.of("email", nia, "password", "demo-password"));
        String niaConversation = api.get("/api/v1/conversations").token(api.signIn(nia, "demo-password")).send().json()
                .get("items").get(0).get("id").asString();
        assertThat(niaPages.get("/app/conversations/" + niaConversation).body()).contains("Stop health reminders");
        var optedOut = niaPages.post("/app/conversations/" + niaConversation + "/campaign-opt-out", Map.of());
        assertThat(optedOut.status()).isEqualTo(302);

        JsonNode counts = get(RIVERSIDE_ADMIN, id).get("counts");
        assertThat(counts.get("targeted").asInt()).isEqualTo(4);
        assertThat(counts.get("sent").asInt()).isEqualTo(4);
        // Nia read it too: she opened it to say no.
        assertThat(counts.get("read").asInt()).isEqualTo(3);
        assertThat(counts.get("replied").asInt()).isEqualTo(1);
        assertThat(counts.get("optedOut").asInt()).isEqualTo(1);

        // The reply reopened the conversation in the team's inbox; staff reading it move nothing.
        JsonNode asStaff = api.get("/api/v1/conversations/" + conversation).token(demo.token(KIM)).send().json();
        assertThat(asStaff.get("status").asString()).isEqualTo("open");
        api.post("/api/v1/conversations/" + moConversation + "/read").token(demo.token(KIM)).json(Map.of("seq", 1)).send();
        assertThat(get(RIVERSIDE_ADMIN, id).get("counts").get("read").asInt()).isEqualTo(3);

        // Nia is left out of the next campaign, but her care team's replies still reach her.
        assertThat(count(mine())).isEqualTo(3);
        assertThat(demo.send(KIM, niaConversation, "Understood, no more reminders.").status()).isEqualTo(201);
    }

    @Test
    void aPatientChoosesFromTheirSettingsAndOnlyTheirOwnCampaignMessageCanBeOptedOutOf() {
        String pia = withAccount(riverside, person("Pia", 44, Sex.FEMALE, "en", null));
        String token = api.signIn(pia, "demo-password");
        assertThat(api.get("/api/v1/me/campaign-preferences").token(token).send().json().get("optedOut").asBoolean())
                .isFalse();
        Api.Response no = api.put("/api/v1/me/campaign-preferences").token(token).json(Map.of("optedOut", true)).send();
        assertThat(no.json().get("optedOut").asBoolean()).isTrue();
        assertThat(count(mine())).isZero();
        Api.Response bad = api.put("/api/v1/me/campaign-preferences").token(token).json(Map.of()).send();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        api.put("/api/v1/me/campaign-preferences").token(token).json(Map.of("optedOut", false)).send();
        assertThat(count(mine())).isEqualTo(1);

        // Alice's own question is not a campaign message: nothing to opt out of there.
        String question = demo.startAsPatient(ALICE, "Dr. Patel", "Question", "Is the clinic open Friday?");
        PageSession alicePages = PageSession.signedIn("http://127.0.0.1:" + port, ALICE);
        alicePages.get("/app/conversations");
        assertThat(alicePages.post("/app/conversations/" + question + "/campaign-opt-out", Map.of()).status())
                .isEqualTo(404);
        // Staff have no campaign preferences.
        assertThat(api.get("/api/v1/me/campaign-preferences").token(demo.token(KIM)).send().status()).isEqualTo(404);
    }

    // ------------------------------------------------------------ rules

    @Test
    void badCampaignsGetAProblemAndChangeNothing() {
        add(riverside, person("Rae", 30, Sex.FEMALE, "en", null));
        long before = jdbc.sql("select count(*) from campaign").query(Long.class).single();
        Map<String, String> en = Map.of("en", "Hi {firstName}");
        String lakesideTeam = demo.team(LAKESIDE_ADMIN, "Pediatrics");
        List<Map<String, Object>> bad = new ArrayList<>();
        bad.add(campaign("", mine(), en));
        bad.add(campaign("Typo", Map.of("minage", 50), en));
        bad.add(campaign("Ages", mine("minAge", 70, "maxAge", 50), en));
        // Found by CohortFuzzTests: numbers beyond int were wrapped to their low 32 bits (2^64 + 5 was age 5).
        bad.add(campaign("Age beyond long", mine("minAge", new java.math.BigInteger("18446744073709551621")), en));
        bad.add(campaign("Age beyond int", mine("maxAge", 4294967326L), en));
        bad.add(campaign("Sex", mine("sex", "robot"), en));
        bad.add(campaign("Language", mine("languages", List.of("klingon")), en));
        bad.add(campaign("Date", mine("lastVisitBefore", "2026-02-30"), en));
        bad.add(campaign("Tag", mine("tags", List.of("50%")), en));
        bad.add(campaign("Placeholder", mine(), Map.of("en", "Hi {firstname}")));
        bad.add(campaign("French", mine(), Map.of("en", "Hi", "fr", "Salut")));
        bad.add(campaign("Only Spanish", mine(), Map.of("es", "Hola")));
        bad.add(campaign("No message", mine(), Map.of()));
        Map<String, Object> otherTeam = campaign("Other practice's team", mine(), en);
        otherTeam.put("careTeamId", lakesideTeam);
        bad.add(otherTeam);
        Map<String, Object> past = campaign("Past", mine(), en);
        past.put("sendAt", Instant.now().minus(2, ChronoUnit.HOURS).toString());
        bad.add(past);
        for (Map<String, Object> body : bad) {
            Api.Response r = create(RIVERSIDE_ADMIN, body);
            assertThat(r.status()).as(body.get("name") + ": " + r.body()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        assertThat(create(KIM, campaign("Nurse", mine(), en)).status()).isEqualTo(403);
        assertThat(create(ALICE, campaign("Patient", mine(), en)).status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from campaign").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void campaignsGoOutInOfficeHoursOnly() {
        ZoneId zone = ZoneId.of("America/New_York");
        // A team open half an hour a day, twelve hours from now.
        LocalTime opens = LocalTime.now(zone).plusHours(12).truncatedTo(ChronoUnit.HOURS);
        Map<DayOfWeek, List<OfficeHours.Window>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(new OfficeHours.Window(opens, opens.plusMinutes(30))));
        }
        CareTeamId team = careTeams.create(riverside, "Night clinic " + tag, "Open briefly.", 24);
        careTeams.setOfficeHours(riverside, team, week);
        add(riverside, person("Sam", 30, Sex.MALE, "en", null));

        Map<String, Object> now = campaign("Send now while closed", mine(), Map.of("en", "Hi {firstName}"));
        now.put("careTeamId", team.toString());
        Api.Response queued = create(RIVERSIDE_ADMIN, now);
        assertThat(queued.status()).as(queued.body()).isEqualTo(201);
        Instant sendAt = Instant.parse(queued.json().get("sendAt").asString());
        assertThat(sendAt).isAfter(Instant.now().plus(11, ChronoUnit.HOURS));
        assertThat(sendAt.atZone(zone).toLocalTime()).isEqualTo(opens);
        sender.startDue();
        sender.send(100);
        assertThat(get(RIVERSIDE_ADMIN, queued.json().get("id").asString()).get("status").asString()).isEqualTo("scheduled");

        Map<String, Object> closed = campaign("At a closed time", mine(), Map.of("en", "Hi {firstName}"));
        closed.put("careTeamId", team.toString());
        closed.put("sendAt", Instant.now().plus(3, ChronoUnit.HOURS).toString());
        Api.Response refused = create(RIVERSIDE_ADMIN, closed);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("detail").asString()).contains("closed");

        // Stopping a scheduled campaign: nothing ever goes out.
        Api.Response stopped = api.post("/api/v1/campaigns/" + queued.json().get("id").asString() + "/cancel")
                .token(demo.token(RIVERSIDE_ADMIN)).send();
        assertThat(stopped.json().get("status").asString()).isEqualTo("cancelled");
        assertThat(api.post("/api/v1/campaigns/" + queued.json().get("id").asString() + "/cancel")
                .token(demo.token(RIVERSIDE_ADMIN)).send().status()).isEqualTo(409);

        // A campaign already going out pauses while its team is closed and goes on when it opens.
        CareTeamId dayTeam = careTeams.create(riverside, "Day clinic " + tag, "Open around the clock.", 24);
        Map<String, Object> going = campaign("Paused while closed", mine(), Map.of("en", "Hi {firstName}"));
        going.put("careTeamId", dayTeam.toString());
        String goingId = create(RIVERSIDE_ADMIN, going).json().get("id").asString();
        sender.startDue();
        careTeams.setOfficeHours(riverside, dayTeam, week);
        sender.send(100);
        JsonNode paused = get(RIVERSIDE_ADMIN, goingId);
        assertThat(paused.get("status").asString()).isEqualTo("sending");
        assertThat(paused.get("counts").get("sent").asInt()).isZero();
        careTeams.setOfficeHours(riverside, dayTeam, Map.of());
        sendAll();
        assertThat(get(RIVERSIDE_ADMIN, goingId).get("counts").get("sent").asInt()).isEqualTo(1);
    }

    @Test
    void aPracticeNeverSelectsNorReachesAnotherPracticesPatients() {
        PracticeId lakeside = demo.actor(LAKESIDE_ADMIN).practiceId();
        PatientId ours = add(riverside, person("Uma", 30, Sex.FEMALE, "en", null));
        PatientId theirs = add(lakeside, person("Val", 9, Sex.FEMALE, "en", null));
        Map<String, Object> body = campaign("Lakeside check-ups", mine(), Map.of("en", "Hi {firstName}"));
        body.put("careTeamId", demo.team(LAKESIDE_ADMIN, "Pediatrics"));
        Api.Response created = create(LAKESIDE_ADMIN, body);
        assertThat(created.json().get("counts").get("targeted").asInt()).isEqualTo(1);
        String id = created.json().get("id").asString();
        sendAll();
        assertThat(conversations(id).keySet()).containsExactly(theirs);
        assertThat(campaignConversationsOf(List.of(ours))).isZero();

        assertThat(api.get("/api/v1/campaigns/" + id).token(demo.token(RIVERSIDE_ADMIN)).send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/campaigns/" + id).token(demo.token(ALICE)).send().status()).isEqualTo(404);
        assertThat(api.post("/api/v1/campaigns/" + id + "/cancel").token(demo.token(RIVERSIDE_ADMIN)).send().status())
                .isEqualTo(404);
        JsonNode list = api.get("/api/v1/campaigns").token(demo.token(RIVERSIDE_ADMIN)).send().json();
        list.get("items").forEach(c -> assertThat(c.get("id").asString()).isNotEqualTo(id));
        // A nurse reads campaigns (their replies land in her inbox) but does not send them.
        assertThat(api.get("/api/v1/campaigns").token(demo.token(KIM)).send().status()).isEqualTo(200);
    }

    @Test
    void anAdminAllowsANurseToSendCampaigns() {
        add(riverside, person("Wes", 30, Sex.MALE, "en", null));
        Map<String, Object> body = campaign("Nurse's campaign", mine(), Map.of("en", "Hi {firstName}"));
        assertThat(create(KIM, body).status()).isEqualTo(403);
        PageSession admin = PageSession.signedIn("http://127.0.0.1:" + port, RIVERSIDE_ADMIN);
        String kimId = demo.me(KIM).get("id").asString();
        admin.get("/app/campaigns");
        assertThat(admin.post("/app/campaigns/senders", Map.of("userId", kimId, "allowed", "true")).status()).isEqualTo(302);
        try {
            assertThat(create(KIM, body).status()).isEqualTo(201);
        } finally {
            admin.post("/app/campaigns/senders", Map.of("userId", kimId, "allowed", "false"));
        }
        assertThat(create(KIM, body).status()).isEqualTo(403);
        PageSession nurse = PageSession.signedIn("http://127.0.0.1:" + port, KIM);
        nurse.get("/app/campaigns");
        assertThat(nurse.post("/app/campaigns/senders", Map.of("userId", kimId, "allowed", "true")).status()).isEqualTo(403);
    }

    @Test
    void theFormShowsWhomAndWhenBeforeItSendsAndAChangeAfterTheReviewAsksAgain() {
        add(riverside, person("Xia", 70, Sex.FEMALE, "en", null));
        add(riverside, person("Yan", 20, Sex.MALE, "en", null));
        long before = jdbc.sql("select count(*) from campaign").query(Long.class).single();
        PageSession admin = PageSession.signedIn("http://127.0.0.1:" + port, RIVERSIDE_ADMIN);
        admin.get("/app/campaigns/new");
        Map<String, String> form = new HashMap<>(Map.of("name", "Shingles vaccine", "careTeamId", patelTeam,
                "tags", tag, "minAge", "50", "messageEn", "Hi {firstName}, the shingles vaccine is due.", "when", "now"));
        var review = admin.post("/app/campaigns", form);
        assertThat(review.status()).isEqualTo(200);
        assertThat(review.body()).contains("This writes to 1 patient").contains("Send to 1 patient");
        assertThat(jdbc.sql("select count(*) from campaign").query(Long.class).single()).isEqualTo(before);
        Map<String, String> later = new HashMap<>(form);
        later.put("when", "later");
        later.put("sendAt", java.time.LocalDate.now().plusDays(2) + "T10:00");
        assertThat(admin.post("/app/campaigns", later).body()).contains("in the care team&#39;s office hours");
        java.util.regex.Matcher confirm = java.util.regex.Pattern.compile("name=\"confirmed\" value=\"([0-9a-f]+)\"")
                .matcher(review.body());
        assertThat(confirm.find()).isTrue();

        // The age changed after the review: reviewed again, not sent.
        Map<String, String> changed = new HashMap<>(form);
        changed.put("minAge", "18");
        changed.put("confirmed", confirm.group(1));
        var again = admin.post("/app/campaigns", changed);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("This writes to 2 patients");
        assertThat(jdbc.sql("select count(*) from campaign").query(Long.class).single()).isEqualTo(before);

        form.put("confirmed", confirm.group(1));
        var sent = admin.post("/app/campaigns", form);
        assertThat(sent.status()).isEqualTo(302);
        assertThat(sent.location()).contains("/app/campaigns/").endsWith("?created");
        assertThat(jdbc.sql("select count(*) from campaign").query(Long.class).single()).isEqualTo(before + 1);
        var refused = admin.post("/app/campaigns", Map.of("name", "", "careTeamId", patelTeam, "messageEn", "Hi"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Name the campaign");
    }

    @Test
    void aCampaignCanInviteThePatientsItSelectsWhoHaveNoAccountYet() {
        PatientId withEmail = add(riverside, new Person(tag + "-Zed", "Zed", LocalDate.of(1960, 1, 1), Sex.MALE, "en",
                List.of(tag), null));
        jdbc.sql("update patient set email = :email where id = :id").param("email", tag + "-zed@patients.example")
                .param("id", withEmail.value()).update();
        PatientId withoutEmail = add(riverside, person("Quinn", 60, Sex.FEMALE, "en", null));
        Map<String, Object> body = campaign("Come back and see us", mine(), Map.of("en", "Hi {firstName}, it has been a while."));
        body.put("inviteNew", true);
        Api.Response created = create(RIVERSIDE_ADMIN, body);
        assertThat(created.json().get("inviteNew").asBoolean()).isTrue();
        sendAll();

        assertThat(accounts.patientAccount(riverside, withEmail)).as("invited, then written to").isPresent();
        assertThat(accounts.patientAccount(riverside, withoutEmail)).as("no address to invite").isEmpty();
        assertThat(conversations(created.json().get("id").asString())).containsOnlyKeys(withEmail, withoutEmail);
        assertThat(jdbc.sql("select count(*) from notification n join user_account u on u.id = n.user_id"
                + " where u.patient_id = :p and n.kind = 'INVITATION'").param("p", withEmail.value())
                .query(Long.class).single()).isEqualTo(1);
    }
}
