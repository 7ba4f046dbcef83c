package io.bedside.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;

import io.bedside.identity.Accounts;
import io.bedside.messaging.system.SystemConversations;
import io.bedside.practice.CareTeams;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.StaffRole;
import io.bedside.shared.UserId;
import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import io.bedside.support.Demo;
import io.bedside.support.MovableClock;
import io.bedside.support.PageSession;
import io.bedside.support.TestSmtp;

/**
 * Staff hear of new patient messages, by real email (GreenMail) and text message (a WireMock
 * gateway): who gets what under each choice, on which channel, held by quiet hours, dropped when
 * read live, coalesced, and never saying more than "a patient wrote to this team's inbox". Each
 * test makes its own team of three (a named provider, an assignee, one on call), so that nothing
 * another test did reaches it.
 */
@Import(MovableClock.Config.class)
@BothDatabases
class StaffMessageNoticesIntegrationTests extends ApplicationTest {

    private static final String MARKER = "PHI-MARKER-5d20";
    private static final String GATEWAY_PATH = "/2010-04-01/Accounts/AC9/Messages.json";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    static WireMockServer gateway = LiveChannels.GATEWAY;

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry registry) {
        LiveChannels.register(registry, GATEWAY_PATH);
        // Only the test dispatches, when it has moved the clock.
        registry.add("bedside.notification.dispatch-interval", () -> "1h");
    }

    @Autowired
    MovableClock clock;

    @Autowired
    NotificationDispatcher dispatcher;

    @Autowired
    Accounts accounts;

    @Autowired
    CareTeams careTeams;

    @Autowired
    SystemConversations system;

    /** One member of staff made for a test, signed in through the API. */
    record Member(String email, UserId id, String token) {
    }

    /** A team of three: the provider patients name, the one conversations get assigned to, the one on call. */
    record Crew(CareTeamId team, String teamName, Member provider, Member assignee, Member onCall) {
        List<Member> all() {
            return List.of(provider, assignee, onCall);
        }
    }

    private Crew crew;

    @BeforeEach
    void crew() {
        clock.set(Instant.now());
        demo = new Demo(api);
        gateway.resetAll();
        gateway.stubFor(post(urlEqualTo(GATEWAY_PATH)).willReturn(aResponse().withStatus(201)));
        jdbc.sql("delete from notification where status in ('pending', 'sending')").update();
        PracticeId practice = demo.actor(RIVERSIDE_ADMIN).practiceId();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String name = "Team " + tag;
        CareTeamId team = careTeams.create(practice, name, "Notices under test", 24);
        Member provider = member(practice, team, "provider-" + tag);
        Member assignee = member(practice, team, "assignee-" + tag);
        Member onCall = member(practice, team, "oncall-" + tag);
        careTeams.setOnCall(practice, team, onCall.id(), true);
        crew = new Crew(team, name, provider, assignee, onCall);
    }

    private Member member(PracticeId practice, CareTeamId team, String name) {
        String email = name + "@riverside.example";
        var staff = accounts.createStaff(practice, email, "demo-password", "Nurse " + name, StaffRole.NURSE, null);
        accounts.exemptFromTwoStep(staff.id());
        careTeams.addMember(practice, team, staff.id());
        return new Member(email, staff.id(), api.signIn(email, "demo-password"));
    }

    private String start(String subject, String body, Member provider) {
        Map<String, Object> request = new HashMap<>(Map.of("careTeamId", crew.team().toString(), "subject", subject,
                "body", body));
        if (provider != null) {
            request.put("providerId", provider.id().toString());
        }
        Api.Response started = api.post("/api/v1/conversations").token(demo.token(ALICE)).json(request).send();
        assertThat(started.status()).isEqualTo(201);
        return started.json().get("id").asString();
    }

    private void later(Duration duration) {
        clock.advance(duration);
        demo = new Demo(api);
    }

    /** Moves past the notice delay and delivers what is due. */
    private void dispatchLater() {
        later(Duration.ofMinutes(3));
        dispatcher.dispatchDue();
    }

    private Api.Response choose(Member member, Map<String, ?> choice) {
        return api.put("/api/v1/me/notification-preferences").token(member.token()).json(choice).send();
    }

    private List<MimeMessage> mailTo(Member member) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(member.email());
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private void purgeMail() {
        try {
            smtp.purgeEmailFromAllMailboxes();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> notified() {
        return crew.all().stream().filter(m -> !mailTo(m).isEmpty()).map(Member::email).toList();
    }

    private long staffNotices(Member member) {
        return jdbc.sql("select count(*) from notification where user_id = :u and kind = 'PATIENT_MESSAGE'")
                .param("u", member.id().value()).query(Long.class).single();
    }

    @Test
    void byDefaultTheNamedProviderAndWhoeverIsOnCallHearThenTheAssigneeOnceItIsAssigned() throws Exception {
        assertThat(api.get("/api/v1/me/notification-preferences").token(crew.onCall().token()).send().json()
                .get("staffMessages").asString()).isEqualTo("mine");
        String id = start("Subject " + MARKER, "Body " + MARKER, crew.provider());
        dispatchLater();
        assertThat(notified()).containsExactlyInAnyOrder(crew.provider().email(), crew.onCall().email());

        MimeMessage notice = mailTo(crew.provider()).get(0);
        assertThat(notice.getSubject()).isEqualTo("New patient message: " + crew.teamName());
        String text = GreenMailUtil.getBody(notice);
        assertThat(text).contains("There is a new secure message from a patient in the " + crew.teamName()
                + " inbox at Riverside Family Medicine")
                .contains("https://bedside.example.org/app/inbox?filter=unread&team=" + crew.team())
                .contains("https://bedside.example.org/app/settings/notifications")
                .doesNotContain("/unsubscribe/");
        assertThat(notice.getHeader("List-Unsubscribe")).as("staff alerts are not marketing").isNull();
        for (MimeMessage any : smtp.getReceivedMessages()) {
            assertThat(GreenMailUtil.getWholeMessage(any)).doesNotContain(MARKER).doesNotContain("Alice")
                    .doesNotContain("Walker").doesNotContain("Subject " + MARKER);
        }

        assertThat(demo.triage(RIVERSIDE_ADMIN, id, Map.of("assigneeId", crew.assignee().id().toString())).status())
                .isEqualTo(200);
        purgeMail();
        assertThat(demo.send(ALICE, id, "A reply " + MARKER).status()).as("a reply is a new patient message").isEqualTo(201);
        dispatchLater();
        assertThat(notified()).as("assigned now: on call is no longer told")
                .containsExactlyInAnyOrder(crew.provider().email(), crew.assignee().email());
    }

    @Test
    void allTellsEveryMemberOfTheTeamAndNoneTellsNobody() {
        for (Member m : crew.all()) {
            assertThat(choose(m, Map.of("channel", "email", "staffMessages", "all")).json().get("staffMessages")
                    .asString()).isEqualTo("all");
        }
        String id = start("To all", "Hello", null);
        dispatchLater();
        assertThat(notified()).containsExactlyInAnyOrder(crew.provider().email(), crew.assignee().email(),
                crew.onCall().email());

        for (Member m : crew.all()) {
            assertThat(choose(m, Map.of("channel", "email", "staffMessages", "none")).status()).isEqualTo(200);
        }
        purgeMail();
        demo.send(ALICE, id, "Anyone?");
        start("Another", "Hello again", crew.provider());
        dispatchLater();
        assertThat(notified()).isEmpty();
        assertThat(crew.all()).allSatisfy(m -> assertThat(staffNotices(m)).as("only the first message's").isEqualTo(1));
    }

    @Test
    void aMemberWhoChoseTextMessagesGetsOneAtTheNumberSheGave() {
        assertThat(choose(crew.onCall(), Map.of("channel", "sms")).status()).as("no number yet").isEqualTo(422);
        var set = choose(crew.onCall(), Map.of("channel", "sms", "phone", "+1 555 555 0177"));
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("phone").asString()).isEqualTo("+15555550177");
        start("Texted " + MARKER, "Body " + MARKER, crew.provider());
        dispatchLater();

        assertThat(mailTo(crew.onCall())).isEmpty();
        assertThat(mailTo(crew.provider())).hasSize(1);
        assertThat(gateway.getAllServeEvents()).hasSize(1);
        String form = URLDecoder.decode(gateway.getAllServeEvents().get(0).getRequest().getBodyAsString(),
                StandardCharsets.UTF_8);
        assertThat(form).contains("To=+15555550177")
                .contains("New secure message from a patient in the " + crew.teamName() + " inbox")
                .doesNotContain(MARKER).doesNotContain("Alice").doesNotContain("Texted");
    }

    @Test
    void quietHoursHoldTheNoticeUntilTheyEnd() {
        ZoneId chicago = ZoneId.of("America/Chicago");
        ZonedDateTime local = clock.instant().atZone(chicago).truncatedTo(ChronoUnit.MINUTES);
        assertThat(choose(crew.onCall(), Map.of("channel", "email", "quietHours", Map.of(
                "start", local.minusHours(1).toLocalTime().toString(), "end", local.plusHours(4).toLocalTime().toString()),
                "timeZone", "America/Chicago")).status()).isEqualTo(200);
        start("In quiet hours", "Hello", crew.provider());
        dispatchLater();
        assertThat(mailTo(crew.provider())).as("no quiet hours of his own").hasSize(1);
        assertThat(mailTo(crew.onCall())).isEmpty();
        Instant held = jdbc.sql("select next_attempt_at from notification where user_id = :u and status = 'pending'")
                .param("u", crew.onCall().id().value()).query(java.time.OffsetDateTime.class).single().toInstant();
        assertThat(held).isEqualTo(local.plusHours(4).toInstant());

        clock.set(held.plusSeconds(5));
        dispatcher.dispatchDue();
        assertThat(mailTo(crew.onCall())).hasSize(1);
    }

    @Test
    void aMessageReadLiveSendsNothingToWhoeverReadIt() {
        String id = start("Read live", "Hello", crew.provider());
        assertThat(api.post("/api/v1/conversations/" + id + "/read").token(crew.provider().token())
                .json(Map.of("seq", 1)).send().status()).isEqualTo(200);
        dispatchLater();
        assertThat(notified()).containsExactly(crew.onCall().email());
        assertThat(jdbc.sql("select status || ':' || coalesce(last_error, '') from notification where user_id = :u")
                .param("u", crew.provider().id().value()).query(String.class).list()).containsExactly("skipped:read already");
    }

    @Test
    void severalMessagesInAShortTimeGiveOneNotice() {
        String first = start("One", "Hello", crew.provider());
        for (int i = 0; i < 3; i++) {
            later(Duration.ofSeconds(10));
            assertThat(demo.send(ALICE, first, "And another thing " + i).status()).isEqualTo(201);
        }
        start("Two", "Hello", crew.provider());
        assertThat(staffNotices(crew.provider())).isEqualTo(1);
        dispatchLater();
        assertThat(mailTo(crew.provider())).hasSize(1);
        assertThat(mailTo(crew.onCall())).hasSize(1);

        // The notice is still sent when only one of the conversations it covers is read.
        purgeMail();
        String third = start("Three", "Hello", crew.provider());
        demo.send(ALICE, first, "Later");
        api.post("/api/v1/conversations/" + third + "/read").token(crew.provider().token()).json(Map.of("seq", 1)).send();
        dispatchLater();
        assertThat(mailTo(crew.provider())).hasSize(1);
    }

    @Test
    void staffRepliesInternalNotesAndCampaignsRingNoStaff() {
        for (Member m : crew.all()) {
            choose(m, Map.of("channel", "email", "staffMessages", "all"));
        }
        String id = start("Answered", "Hello", crew.provider());
        dispatchLater();
        purgeMail();
        long before = crew.all().stream().mapToLong(this::staffNotices).sum();

        api.post("/api/v1/conversations/" + id + "/messages").token(crew.provider().token())
                .json(Map.of("body", "An answer " + MARKER)).send();
        api.post("/api/v1/conversations/" + id + "/messages").token(crew.onCall().token())
                .json(Map.of("body", "A note " + MARKER, "internal", true)).send();
        var alice = demo.actor(ALICE);
        system.startForCampaign(alice.practiceId(), crew.provider().id(), alice.patientId(), crew.team(),
                "A reminder", "Time for your check-up");
        dispatchLater();
        assertThat(crew.all().stream().mapToLong(this::staffNotices).sum()).isEqualTo(before);
        assertThat(notified()).isEmpty();
    }

    @Test
    void theChoiceIsCheckedAndBadInputChangesNothing() {
        var unknown = choose(crew.assignee(), Map.of("channel", "email", "staffMessages", "sometimes"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unknown.body()).contains("staffMessages");
        assertThat(choose(crew.assignee(), Map.of("channel", "email", "phone", "call me")).status()).isEqualTo(400);
        var kept = api.get("/api/v1/me/notification-preferences").token(crew.assignee().token()).send().json();
        assertThat(kept.get("staffMessages").asString()).isEqualTo("mine");
        assertThat(kept.has("phone")).isFalse();

        assertThat(choose(crew.assignee(), Map.of("channel", "email", "staffMessages", "none")).status()).isEqualTo(200);
        assertThat(choose(crew.assignee(), Map.of("channel", "email")).json().get("staffMessages").asString())
                .as("left out, it stays as it was").isEqualTo("none");

        var patient = api.put("/api/v1/me/notification-preferences").token(demo.token(ALICE))
                .json(Map.of("channel", "email", "staffMessages", "all")).send();
        assertThat(patient.status()).isEqualTo(400);
        assertThat(patient.body()).contains("staffMessages");
        assertThat(api.get("/api/v1/me/notification-preferences").token(demo.token(ALICE)).send().json()
                .has("staffMessages")).isFalse();
    }

    @Test
    void theSettingsPageShowsTheChoiceToStaffOnlyAndKeepsWhatWasSaved() {
        PageSession patient = PageSession.signedIn(api.base(), ALICE);
        assertThat(patient.get("/app/settings/notifications").body()).doesNotContain("name=\"staffMessages\"")
                .doesNotContain("name=\"phone\"");
        // A patient's form that sends it anyway changes nothing of the kind.
        assertThat(patient.post("/app/settings/notifications", Map.of("channel", "email", "staffMessages", "all"))
                .status()).isEqualTo(302);

        PageSession nurse = PageSession.signedIn(api.base(), crew.assignee().email());
        assertThat(nurse.get("/app/settings/notifications").body()).contains("name=\"staffMessages\"")
                .contains("Every new patient message in my teams");
        var bad = nurse.post("/app/settings/notifications", Map.of("channel", "email", "staffMessages", "sometimes"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("staffMessages must be one of: all, mine, none.");
        assertThat(nurse.post("/app/settings/notifications", Map.of("channel", "sms", "staffMessages", "all",
                "phone", "+1 (555) 555-0199")).status()).isEqualTo(302);
        var saved = api.get("/api/v1/me/notification-preferences").token(crew.assignee().token()).send().json();
        assertThat(saved.get("staffMessages").asString()).isEqualTo("all");
        assertThat(saved.get("channel").asString()).isEqualTo("sms");
        assertThat(saved.get("phone").asString()).isEqualTo("+15555550199");
    }
}
