package io.bedside.live;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.BOB;
import static io.bedside.support.Demo.CAROL;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.LAKESIDE_ADMIN;
import static io.bedside.support.Demo.LEE;
import static io.bedside.support.Demo.PATEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import io.bedside.support.SseClient;
import io.bedside.support.SseClient.Event;

/** The event stream: who receives what, resume, resync, and that events carry ids only. */
@BothDatabases
class LiveDeliveryIntegrationTests extends ApplicationTest {

    @org.springframework.beans.factory.annotation.Autowired
    io.bedside.live.internal.LocalStreams streams;

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void aNewMessageReachesThePatientAndTheCareTeamAndNobodyElse() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Live", "Hello");
        List<SseClient> right = new ArrayList<>();
        List<SseClient> wrong = new ArrayList<>();
        try {
            for (String user : List.of(ALICE, PATEL, KIM)) {
                right.add(SseClient.open(api, demo.token(user)));
            }
            for (String user : List.of(BOB, CAROL, LEE, LAKESIDE_ADMIN)) {
                wrong.add(SseClient.open(api, demo.token(user)));
            }

            String messageId = demo.send(PATEL, id, "Hi Alice").json().get("id").asString();

            for (SseClient client : right) {
                Event event = client.await(e -> e.name().equals("message.created") && e.data().contains(messageId), WAIT);
                assertThat(event.json().get("conversationId").asString()).isEqualTo(id);
                assertThat(event.json().get("seq").asLong()).isEqualTo(2);
                assertThat(Long.parseLong(event.id())).isPositive();
            }
            for (SseClient client : wrong) {
                assertThat(client.about(id, Duration.ofMillis(300))).isEmpty();
            }
        } finally {
            right.forEach(SseClient::close);
            wrong.forEach(SseClient::close);
        }
    }

    @Test
    void internalNotesReachStaffOnly() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Note", "Hello");
        try (SseClient alice = SseClient.open(api, demo.token(ALICE));
                SseClient kim = SseClient.open(api, demo.token(KIM))) {
            String note = demo.note(PATEL, id, "Staff only").json().get("id").asString();
            String reply = demo.send(PATEL, id, "Public").json().get("id").asString();

            Event seen = kim.await(e -> e.data().contains(note), WAIT);
            assertThat(seen.json().get("internal").asBoolean()).isTrue();
            alice.await(e -> e.data().contains(reply), WAIT);
            assertThat(alice.received()).noneMatch(e -> e.data().contains(note));
        }
    }

    @Test
    void aCallToThePatientReachesTheCareTeamOnly() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Call", "Please call me back");
        try (SseClient alice = SseClient.open(api, demo.token(ALICE));
                SseClient patel = SseClient.open(api, demo.token(PATEL))) {
            var call = api.post("/api/v1/conversations/" + id + "/calls").token(demo.token(KIM))
                    .json(java.util.Map.of("outcome", "Left a voicemail")).send();
            assertThat(call.status()).isEqualTo(201);
            String marker = demo.send(PATEL, id, "We tried to call you.").json().get("id").asString();

            Event called = patel.await(e -> e.name().equals("call.recorded") && e.data().contains(id), WAIT);
            assertThat(called.data()).doesNotContain("voicemail");
            alice.await(e -> e.data().contains(marker), WAIT);
            assertThat(alice.received()).noneMatch(e -> e.name().equals("call.recorded"));
        }
    }

    @Test
    void readReceiptsAndNewConversationsAreStreamed() {
        try (SseClient patel = SseClient.open(api, demo.token(PATEL));
                SseClient alice = SseClient.open(api, demo.token(ALICE))) {
            String id = demo.startAsPatient(ALICE, "Dr. Patel", "Streamed", "Hello");
            patel.await(e -> e.name().equals("conversation.created") && e.data().contains(id), WAIT);

            demo.send(PATEL, id, "Reply");
            api.post("/api/v1/conversations/" + id + "/read").token(demo.token(ALICE)).json(Map.of("seq", 2)).send();
            Event read = patel.await(e -> e.name().equals("read.updated") && e.data().contains(id), WAIT);
            assertThat(read.json().get("seq").asLong()).isEqualTo(2);
            assertThat(read.json().get("userId").asString()).isEqualTo(demo.me(ALICE).get("id").asString());

            api.patch("/api/v1/conversations/" + id).token(demo.token(PATEL)).json(Map.of("status", "closed")).send();
            Event closed = alice.await(e -> e.name().equals("conversation.updated") && e.data().contains(id), WAIT);
            assertThat(closed.json().get("status").asString()).isEqualTo("closed");
            demo.send(ALICE, id, "One more thing");
            Event updated = patel.await(e -> e.name().equals("conversation.updated") && e.data().contains(id)
                    && e.data().contains("\"open\""), WAIT);
            assertThat(updated.json().get("status").asString()).isEqualTo("open");
        }
    }

    @Test
    void aClientThatReconnectsWithLastEventIdGetsEverythingItMissedInOrder() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Resume", "Hello");
        long lastSeen;
        try (SseClient alice = SseClient.open(api, demo.token(ALICE))) {
            String first = demo.send(PATEL, id, "one").json().get("id").asString();
            lastSeen = Long.parseLong(alice.await(e -> e.data().contains(first), WAIT).id());
        }
        List<String> missed = new ArrayList<>();
        for (String text : List.of("two", "three", "four")) {
            missed.add(demo.send(PATEL, id, text).json().get("id").asString());
        }

        try (SseClient again = SseClient.open(api, demo.token(ALICE), lastSeen)) {
            List<Event> replayed = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                replayed.add(again.await(e -> e.name().equals("message.created"), WAIT));
            }
            assertThat(replayed).extracting(e -> e.json().get("messageId").asString()).containsExactlyElementsOf(missed);
            assertThat(replayed).extracting(e -> Long.parseLong(e.id()))
                    .containsExactly(lastSeen + 1, lastSeen + 2, lastSeen + 3);
        }
    }

    @Test
    void aLastEventIdOlderThanTheRetentionGetsAResync() {
        String id = demo.startAsPatient(BOB, "Dr. Patel", "Resync", "Hello");
        demo.send(PATEL, id, "one");
        demo.send(PATEL, id, "two");
        UUID bob = UUID.fromString(demo.me(BOB).get("id").asString());
        // What the retention purge does to events past their time.
        jdbc.sql("delete from live_event where user_id = :u").param("u", bob).update();

        try (SseClient client = SseClient.open(api, demo.token(BOB), 1L)) {
            assertThat(client.received()).anyMatch(e -> e.name().equals("resync"));
        }
    }

    @Test
    void aRefusedSendMakesNoEvent() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Refused", "Hello");
        UUID kim = UUID.fromString(demo.me(KIM).get("id").asString());
        fannedOut();
        long before = latestEventId(kim);

        assertThat(demo.note(ALICE, id, "patients cannot write notes").status()).isEqualTo(403);

        assertThat(jdbc.sql("select count(*) from live_outbox").query(Long.class).single()).isZero();
        assertThat(latestEventId(kim)).isEqualTo(before);
    }

    @Test
    void eventsCarryIdsAndNumbersOnly() {
        String marker = "LIVE-MARKER-" + UUID.randomUUID();
        try (SseClient patel = SseClient.open(api, demo.token(PATEL));
                SseClient alice = SseClient.open(api, demo.token(ALICE))) {
            String id = demo.startAsPatient(ALICE, "Dr. Patel", "Subject " + marker, "Body " + marker);
            demo.send(PATEL, id, "Reply " + marker);
            demo.note(KIM, id, "Note " + marker);
            api.post("/api/v1/conversations/" + id + "/read").token(demo.token(ALICE)).json(Map.of("seq", 2)).send();
            patel.await(e -> e.name().equals("read.updated") && e.data().contains(id), WAIT);
            alice.await(e -> e.name().equals("message.created") && e.data().contains(id), WAIT);

            for (Event e : concat(patel.received(), alice.received())) {
                assertThat(e.data()).doesNotContain(marker).doesNotContain("Alice").doesNotContain("Patel")
                        .doesNotContain("Subject").doesNotContain("Body");
            }
        }
        List<String> stored = jdbc.sql("select data from live_event").query(String.class).list();
        assertThat(stored).noneMatch(d -> d.contains(marker));
    }

    @Test
    void aUserMayHoldSeveralStreamsUpToTheLimit() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Devices", "Hello");
        List<SseClient> devices = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                devices.add(SseClient.open(api, demo.token(KIM)));
            }
            String messageId = demo.send(ALICE, id, "to every device").json().get("id").asString();
            for (SseClient device : devices.subList(1, 6)) {
                device.await(e -> e.data().contains(messageId), WAIT);
            }
            // The oldest of six was closed: five is the limit.
            assertThat(devices.get(0).about(messageId, Duration.ofMillis(300))).isEmpty();
        } finally {
            devices.forEach(SseClient::close);
        }
    }

    @Test
    void aStreamWhoseClientIsGoneIsCleanedUp() throws InterruptedException {
        String id = demo.startAsPatient(BOB, "Dr. Patel", "Gone", "Hello");
        SseClient client = SseClient.open(api, demo.token(BOB));
        int open = streams.openStreams();
        client.close();

        // The next writes to the dead connection fail, and the stream is dropped.
        for (int i = 0; i < 20 && streams.openStreams() >= open; i++) {
            demo.send(PATEL, id, "Are you there? " + i);
            Thread.sleep(200);
        }
        assertThat(streams.openStreams()).isLessThan(open);
    }

    @Test
    void theStreamNeedsASignedInUserAndAValidLastEventId() {
        assertThat(api.get("/api/v1/events").send().status()).isEqualTo(401);
        assertThat(api.get("/api/v1/events").token(demo.token(ALICE)).header("Last-Event-ID", "abc").send().status())
                .isEqualTo(400);
    }

    /** Events are numbered just after their transaction commits: waits until every change is. */
    private void fannedOut() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (jdbc.sql("select count(*) from live_outbox").query(Long.class).single() > 0) {
            assertThat(System.nanoTime()).as("changes still waiting to be fanned out").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private long latestEventId(UUID user) {
        return jdbc.sql("select coalesce(max(last_event_id), 0) from live_user where user_id = :u").param("u", user)
                .query(Long.class).single();
    }

    private static List<Event> concat(List<Event> a, List<Event> b) {
        List<Event> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
