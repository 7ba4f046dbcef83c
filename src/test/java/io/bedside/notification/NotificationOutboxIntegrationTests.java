package io.bedside.notification;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.PATEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;

import io.bedside.messaging.ConversationId;
import io.bedside.messaging.internal.MessageSends;
import io.bedside.shared.Timestamps;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import io.bedside.support.Demo;
import io.bedside.support.MovableClock;
import io.bedside.support.PageSession;

/**
 * The outbox: a notice is written with what causes it and delivered afterwards, once, to the
 * dev mailbox (demo mode), and never carries what the message says.
 */
@Import(MovableClock.Config.class)
@BothDatabases
class NotificationOutboxIntegrationTests extends ApplicationTest {

    private static final String MARKER = "PHI-MARKER-7f3a";

    @Autowired
    MovableClock clock;

    @Autowired
    NotificationDispatcher dispatcher;

    @Autowired
    NotificationPreferences preferences;

    @Autowired
    MessageSends sends;

    @Autowired
    TransactionTemplate transaction;

    @BeforeEach
    void now() {
        clock.set(Instant.now());
        // Each test starts without notices held over from another (quiet hours hold one for hours).
        jdbc.sql("delete from notification where status in ('pending', 'sending')").update();
    }

    @AfterEach
    void back() {
        clock.set(Instant.now());
        api.put("/api/v1/me/notification-preferences").token(new Demo(api).token(ALICE))
                .json(Map.of("channel", "email")).send();
    }

    private void later(Duration duration) {
        clock.advance(duration);
        demo = new Demo(api);
    }

    private long noticesFor(String email) {
        return jdbc.sql("select count(*) from dev_outbox where to_address = :to").param("to", email)
                .query(Long.class).single();
    }

    private long pending(String user) {
        return jdbc.sql("select count(*) from notification where user_id = :u and status = 'pending'")
                .param("u", UUID.fromString(demo.me(user).get("id").asString())).query(Long.class).single();
    }

    @Test
    void aBurstOfRepliesGivesOneNoticeAfterTheDelayWithNoHealthInformation() {
        dispatcher.dispatchDue();
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Subject " + MARKER, "Body " + MARKER);
        long before = noticesFor(ALICE);
        for (int i = 0; i < 5; i++) {
            assertThat(demo.send(KIM, id, "Reply " + i + " " + MARKER).status()).isEqualTo(201);
        }
        demo.note(PATEL, id, "Note " + MARKER);
        assertThat(pending(ALICE)).isEqualTo(1);
        dispatcher.dispatchDue();
        assertThat(noticesFor(ALICE)).as("the delay has not passed").isEqualTo(before);

        later(Duration.ofMinutes(3));
        dispatcher.dispatchDue();
        assertThat(noticesFor(ALICE)).isEqualTo(before + 1);
        var items = api.get("/api/v1/dev/outbox").token(demo.token(PATEL)).send().json().get("items");
        // The team hears of the patient's first message at the same moment; pick the patient's notice.
        var latest = java.util.stream.StreamSupport.stream(items.spliterator(), false)
                .filter(item -> item.get("to").asString().equals(ALICE)).findFirst().orElseThrow();
        assertThat(latest.get("channel").asString()).isEqualTo("email");
        assertThat(latest.get("to").asString()).isEqualTo(ALICE);
        assertThat(latest.get("subject").asString()).isEqualTo("New secure message from Riverside Family Medicine");
        assertThat(latest.get("text").asString()).contains("Sign in to read it: http://localhost:8080/login")
                .contains("/unsubscribe/").doesNotContain("Kim").doesNotContain("Dr. Patel").doesNotContain("Alice");
        items.forEach(item -> assertThat(item.toString()).doesNotContain(MARKER));
    }

    @Test
    void aReplyReadLiveGivesNone() {
        // Away from other tests' unread replies: a notice covers any reply of the last minute.
        later(Duration.ofMinutes(10));
        dispatcher.dispatchDue();
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Read live", "Hello");
        long before = noticesFor(ALICE);
        demo.send(KIM, id, "Answer");
        api.post("/api/v1/conversations/" + id + "/read").token(demo.token(ALICE)).json(Map.of("seq", 2)).send();
        later(Duration.ofMinutes(3));
        dispatcher.dispatchDue();
        assertThat(noticesFor(ALICE)).isEqualTo(before);
        assertThat(jdbc.sql("select status || ':' || coalesce(last_error, '') from notification where conversation_id = :c and kind = 'NEW_MESSAGE'")
                .param("c", UUID.fromString(id)).query(String.class).list()).containsExactly("skipped:read already");
    }

    @Test
    void aRolledBackSendLeavesNoNotice() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Rollback", "Hello");
        dispatcher.dispatchDue();
        long before = jdbc.sql("select count(*) from notification").query(Long.class).single();
        var kim = demo.actor(KIM);
        transaction.executeWithoutResult(tx -> {
            sends.send(kim, ConversationId.parse(id), "This will be rolled back", false, null);
            assertThat(jdbc.sql("select count(*) from notification").query(Long.class).single()).isEqualTo(before + 1);
            tx.setRollbackOnly();
        });
        assertThat(jdbc.sql("select count(*) from notification").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aDispatcherThatDiesAfterClaimingIsTakenOverOnceTheLeaseEnds() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Crash", "Hello");
        demo.send(KIM, id, "Answer");
        later(Duration.ofMinutes(3));
        UUID mine = jdbc.sql("""
                select id from notification where conversation_id = :conversation and kind = 'NEW_MESSAGE'
                 order by created_at limit 1""")
                .param("conversation", ConversationId.parse(id).value()).query(UUID.class).single();
        // A dispatcher claims the notice (marks it as the outbox's claim does) and dies before sending it.
        jdbc.sql("update notification set status = 'sending', claimed_at = :now, attempts = attempts + 1 where id = :id")
                .param("now", Timestamps.toDb(clock.instant())).param("id", mine).update();
        dispatcher.dispatchDue();
        assertThat(delivered(mine)).as("still held by the dead dispatcher").isZero();

        later(Duration.ofSeconds(61));
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();
        assertThat(delivered(mine)).isEqualTo(1);
        assertThat(jdbc.sql("select status from notification where id = :id").param("id", mine)
                .query(String.class).single()).isEqualTo("sent");
    }

    private long delivered(UUID notification) {
        return jdbc.sql("select count(*) from dev_outbox where notification_id = :id").param("id", notification)
                .query(Long.class).single();
    }

    @Test
    void quietHoursHoldANoticeUntilTheyEndInThePatientsTimeZone() {
        ZoneId la = ZoneId.of("America/Los_Angeles");
        clock.set(LocalDateTime.of(2026, 12, 1, 22, 30).atZone(la).toInstant());
        demo = new Demo(api);
        var set = api.put("/api/v1/me/notification-preferences").token(demo.token(ALICE)).json(Map.of(
                "channel", "email", "quietHours", Map.of("start", "21:00", "end", "07:00"),
                "timeZone", "America/Los_Angeles")).send();
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("quietHours").get("start").asString()).isEqualTo("21:00");
        dispatcher.dispatchDue();
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Quiet", "Hello");
        demo.send(KIM, id, "A late answer");
        long before = noticesFor(ALICE);
        later(Duration.ofMinutes(3));
        dispatcher.dispatchDue();
        assertThat(noticesFor(ALICE)).isEqualTo(before);
        Instant held = jdbc.sql("select next_attempt_at from notification where conversation_id = :c and kind = 'NEW_MESSAGE'")
                .param("c", UUID.fromString(id)).query(java.time.OffsetDateTime.class).single().toInstant();
        assertThat(held).isEqualTo(LocalDateTime.of(2026, 12, 2, 7, 0).atZone(la).toInstant());

        clock.set(held.plusSeconds(30));
        dispatcher.dispatchDue();
        assertThat(noticesFor(ALICE)).isEqualTo(before + 1);
    }

    @Test
    void oneClickUnsubscribeNeedsNoSignInAndNamesNobody() {
        var alice = demo.actor(ALICE);
        String token = preferences.unsubscribeToken(alice.practiceId(), alice.userId());
        PageSession stranger = new PageSession(api.base());
        var page = stranger.get("/unsubscribe/" + token);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Stop the notices").doesNotContain("Alice").doesNotContain(ALICE);
        assertThat(preferences.get(alice).channel()).as("opening the link changes nothing").isEqualTo(Channel.EMAIL);

        var done = stranger.post("/unsubscribe/" + token, Map.of("List-Unsubscribe", "One-Click"));
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("Bedside will send no more notices").doesNotContain("Alice");
        assertThat(preferences.get(alice).channel()).isEqualTo(Channel.NONE);

        dispatcher.dispatchDue();
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Unsubscribed", "Hello");
        long before = noticesFor(ALICE);
        demo.send(KIM, id, "Answer");
        later(Duration.ofMinutes(3));
        dispatcher.dispatchDue();
        assertThat(noticesFor(ALICE)).isEqualTo(before);
        assertThat(stranger.get("/unsubscribe/not-a-real-token-at-all-xyz").body()).contains("not one Bedside sent");
    }

    @Test
    void preferencesAreCheckedAndBadInputChangesNothing() {
        var get = api.get("/api/v1/me/notification-preferences").token(demo.token(KIM)).send();
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.json().get("channel").asString()).isEqualTo("email");
        assertThat(get.json().get("timeZone").asString()).isEqualTo("America/New_York");
        var staff = api.put("/api/v1/me/notification-preferences").token(demo.token(KIM));
        assertThat(staff.json(Map.of("channel", "pigeon")).send().status()).isEqualTo(400);
        assertThat(api.put("/api/v1/me/notification-preferences").token(demo.token(KIM))
                .json(Map.of("channel", "sms")).send().status()).as("no mobile number on file").isEqualTo(422);
        assertThat(api.put("/api/v1/me/notification-preferences").token(demo.token(KIM))
                .json(Map.of("channel", "email", "timeZone", "Mars/Olympus")).send().status()).isEqualTo(400);
        assertThat(api.put("/api/v1/me/notification-preferences").token(demo.token(KIM))
                .json(Map.of("channel", "email", "quietHours", Map.of("start", "25:00", "end", "07:00"))).send().status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/me/notification-preferences").token(demo.token(KIM)).send().json()
                .get("channel").asString()).isEqualTo("email");
        assertThat(api.put("/api/v1/me/notification-preferences").token(demo.token(ALICE))
                .json(Map.of("channel", "sms")).send().json().get("channel").asString()).isEqualTo("sms");
    }

    @Test
    void urgentWordsReachTheOnCallNurseAtOnceEvenInHerQuietHours() {
        api.put("/api/v1/me/notification-preferences").token(demo.token(KIM)).json(Map.of(
                "channel", "email", "quietHours", Map.of("start", "00:00", "end", "23:59"))).send();
        long before = noticesFor(KIM);
        demo.startAsPatient(ALICE, "Dr. Patel", "Help " + MARKER, "I have chest pain and my left arm is numb " + MARKER);
        dispatcher.dispatchDue();
        assertThat(noticesFor(KIM)).isEqualTo(before + 1);
        var latest = api.get("/api/v1/dev/outbox").token(demo.token(KIM)).send().json().get("items").get(0);
        assertThat(latest.get("subject").asString()).isEqualTo("Urgent message waiting: Dr. Patel's team");
        assertThat(latest.get("text").asString()).as("staff alerts are work, not marketing: no unsubscribe link")
                .doesNotContain("/unsubscribe/").contains("/app/settings/notifications");
        assertThat(latest.toString()).doesNotContain(MARKER).doesNotContain("chest").doesNotContain("Alice");
        api.put("/api/v1/me/notification-preferences").token(demo.token(KIM)).json(Map.of("channel", "email")).send();
    }
}
