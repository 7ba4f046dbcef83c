package io.bedside.messaging;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.BOB;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.LEE;
import static io.bedside.support.Demo.PATEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import io.bedside.messaging.internal.ConversationLists;
import io.bedside.messaging.internal.InboxFilter;
import io.bedside.messaging.internal.InboxPage;
import io.bedside.messaging.internal.InboxQuery;
import io.bedside.shared.Actor;
import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import io.bedside.support.Demo;
import io.bedside.support.MovableClock;
import tools.jackson.databind.JsonNode;

/**
 * Snooze ("follow up in 3 days") and "mark unread", with a moved clock: a snoozed conversation
 * leaves the open view for the Snoozed one, comes back at the start of the chosen day of the
 * practice's calendar (Riverside: New York), or at once when the patient writes again.
 */
@Import(MovableClock.Config.class)
@BothDatabases
class FollowUpsIntegrationTests extends ApplicationTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Autowired
    MovableClock clock;

    @Autowired
    ConversationLists lists;

    private static Instant at(int month, int day, int hour, int minute) {
        return LocalDateTime.of(2026, month, day, hour, minute).atZone(NEW_YORK).toInstant();
    }

    @AfterEach
    void putBack() {
        clock.set(Instant.now());
    }

    private void moveTo(Instant instant) {
        clock.set(instant);
        demo = new Demo(api);
    }

    private List<String> ids(Actor reader, InboxFilter filter) {
        List<String> all = new ArrayList<>();
        String cursor = null;
        do {
            InboxPage page = lists.inbox(reader, new InboxQuery(null, filter, null, cursor, 50));
            page.items().forEach(c -> all.add(c.id().toString()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    private Api.Response snooze(String user, String id, Map<String, ?> body) {
        return api.post("/api/v1/conversations/" + id + "/snooze").token(demo.token(user)).json(body).send();
    }

    private long audited(String action, String id) {
        return jdbc.sql("select count(*) from audit_event where action = :a and target_id = :t and allowed")
                .param("a", action).param("t", id).query(Long.class).single();
    }

    @Test
    void aSnoozeRunsToTheStartOfThePracticesDayThenTheConversationIsBack() {
        moveTo(at(12, 8, 10, 0)); // Tuesday morning in New York
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Snooze me", "Please check again on Friday");
        assertThat(ids(demo.actor(KIM), InboxFilter.OPEN)).contains(id);

        Api.Response snoozed = snooze(KIM, id, Map.of("days", 3));
        assertThat(snoozed.status()).as(snoozed.body()).isEqualTo(200);
        assertThat(Instant.parse(snoozed.json().get("snoozedUntil").asString())).isEqualTo(at(12, 11, 0, 0));
        assertThat(audited("conversation.snoozed", id)).isEqualTo(1);

        Actor kim = demo.actor(KIM);
        assertThat(ids(kim, InboxFilter.OPEN)).doesNotContain(id);
        assertThat(ids(kim, InboxFilter.UNASSIGNED)).doesNotContain(id);
        assertThat(ids(kim, InboxFilter.SNOOZED)).contains(id);
        assertThat(ids(kim, InboxFilter.ALL)).contains(id);
        InboxPage page = lists.inbox(kim, new InboxQuery(null, InboxFilter.SNOOZED, null, null, 50));
        assertThat(page.count(InboxFilter.SNOOZED)).isEqualTo(page.items().size());
        // The patient never sees the team's planning.
        JsonNode mine = api.get("/api/v1/conversations/" + id).token(demo.token(ALICE)).send().json();
        assertThat(mine.has("snoozedUntil")).isFalse();

        moveTo(at(12, 10, 23, 59)); // Thursday night: still snoozed
        assertThat(ids(demo.actor(KIM), InboxFilter.OPEN)).doesNotContain(id);
        moveTo(at(12, 11, 0, 0)); // Friday begins in New York: back, no job needed
        assertThat(ids(demo.actor(KIM), InboxFilter.OPEN)).contains(id);
        assertThat(ids(demo.actor(KIM), InboxFilter.SNOOZED)).doesNotContain(id);
    }

    @Test
    void thePatientWritingAgainWakesItAtOnceAndStaffMayWakeItThemselves() {
        moveTo(at(12, 8, 10, 0));
        String id = demo.startAsPatient(BOB, "Dr. Patel", "Snooze until a day", "See you next week");
        Api.Response snoozed = snooze(PATEL, id, Map.of("until", "2026-12-15"));
        assertThat(snoozed.status()).as(snoozed.body()).isEqualTo(200);
        assertThat(Instant.parse(snoozed.json().get("snoozedUntil").asString())).isEqualTo(at(12, 15, 0, 0));
        assertThat(ids(demo.actor(KIM), InboxFilter.SNOOZED)).contains(id);

        assertThat(demo.send(BOB, id, "Actually it got worse").status()).isEqualTo(201);
        assertThat(ids(demo.actor(KIM), InboxFilter.OPEN)).contains(id);
        assertThat(ids(demo.actor(KIM), InboxFilter.SNOOZED)).doesNotContain(id);
        assertThat(jdbc.sql("select count(*) from conversation where id = :id and snoozed_until is null")
                .param("id", java.util.UUID.fromString(id)).query(Long.class).single()).isEqualTo(1);

        // Staff wake one by hand; closing one drops its snooze.
        assertThat(snooze(KIM, id, Map.of("days", 7)).status()).isEqualTo(200);
        Api.Response woken = api.delete("/api/v1/conversations/" + id + "/snooze").token(demo.token(KIM)).send();
        assertThat(woken.status()).isEqualTo(200);
        assertThat(woken.json().has("snoozedUntil")).isFalse();
        assertThat(audited("conversation.unsnoozed", id)).isEqualTo(1);
        assertThat(snooze(KIM, id, Map.of("days", 1)).status()).isEqualTo(200);
        assertThat(demo.triage(KIM, id, Map.of("status", "closed")).status()).isEqualTo(200);
        assertThat(ids(demo.actor(KIM), InboxFilter.SNOOZED)).doesNotContain(id);
        assertThat(snooze(KIM, id, Map.of("days", 1)).status()).as("closed: reopen first").isEqualTo(409);
    }

    @Test
    void badSnoozesAreRefusedAndChangeNothing() {
        moveTo(at(12, 8, 10, 0));
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Bad snoozes", "Hello");
        assertThat(snooze(KIM, id, Map.of("until", "2026-12-08")).status()).as("today").isEqualTo(400);
        assertThat(snooze(KIM, id, Map.of("until", "2026-12-01")).status()).as("past").isEqualTo(400);
        assertThat(snooze(KIM, id, Map.of("until", "2028-01-01")).status()).as("over a year").isEqualTo(400);
        assertThat(snooze(KIM, id, Map.of("until", "next friday")).status()).isEqualTo(400);
        assertThat(snooze(KIM, id, Map.of("days", 0)).status()).isEqualTo(400);
        assertThat(snooze(KIM, id, Map.of()).status()).isEqualTo(400);
        assertThat(snooze(KIM, id, Map.of("days", 3, "until", "2026-12-10")).status()).isEqualTo(400);
        assertThat(snooze(ALICE, id, Map.of("days", 3)).status()).as("patients: no such address").isEqualTo(404);
        assertThat(snooze(LEE, id, Map.of("days", 3)).status()).as("another practice").isEqualTo(404);
        assertThat(ids(demo.actor(KIM), InboxFilter.OPEN)).contains(id);
        assertThat(audited("conversation.snoozed", id)).isZero();
    }

    @Test
    void markUnreadIsTheReadersOwnAndLeavesThePatientsReceiptsAlone() {
        moveTo(at(12, 8, 10, 0));
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Mark unread", "Could someone look at this twice?");
        for (String staff : List.of(KIM, PATEL)) {
            assertThat(api.post("/api/v1/conversations/" + id + "/read").token(demo.token(staff))
                    .json(Map.of("seq", 1)).send().status()).isEqualTo(200);
        }
        assertThat(ids(demo.actor(KIM), InboxFilter.UNREAD)).doesNotContain(id);

        Api.Response marked = api.post("/api/v1/conversations/" + id + "/unread").token(demo.token(KIM)).send();
        assertThat(marked.status()).isEqualTo(204);
        assertThat(audited("conversation.marked-unread", id)).isEqualTo(1);
        assertThat(ids(demo.actor(KIM), InboxFilter.UNREAD)).contains(id);
        assertThat(ids(demo.actor(PATEL), InboxFilter.UNREAD)).as("only for Kim").doesNotContain(id);
        var kimsView = lists.inbox(demo.actor(KIM), new InboxQuery(null, InboxFilter.UNREAD, null, null, 50))
                .items().stream().filter(c -> c.id().toString().equals(id)).findFirst().orElseThrow();
        assertThat(kimsView.markedUnread()).isTrue();
        assertThat(kimsView.showsUnread()).isTrue();

        // The patient still sees that the care team read it.
        JsonNode seen = api.get("/api/v1/conversations/" + id).token(demo.token(ALICE)).send().json();
        List<String> readers = new ArrayList<>();
        seen.get("readStates").forEach(r -> readers.add(r.get("userId").asString()));
        assertThat(readers).contains(demo.me(KIM).get("id").asString());

        // Reading it again takes the mark away.
        assertThat(api.post("/api/v1/conversations/" + id + "/read").token(demo.token(KIM))
                .json(Map.of("seq", 1)).send().status()).isEqualTo(200);
        assertThat(ids(demo.actor(KIM), InboxFilter.UNREAD)).doesNotContain(id);

        assertThat(api.post("/api/v1/conversations/" + id + "/unread").token(demo.token(ALICE)).send().status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/conversations/" + id + "/unread").token(demo.token(LEE)).send().status())
                .isEqualTo(404);
    }
}
