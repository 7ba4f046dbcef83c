package io.bedside.live.internal;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.PATEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;

/**
 * The known trap: an event whose transaction commits after a later one must not be skipped by a
 * reader that has already seen the later one — and sends to one team must not wait on each other
 * to keep that promise.
 */
@BothDatabases
class LateCommitIntegrationTests extends ApplicationTest {

    @Autowired
    LiveOutboxRows outbox;
    @Autowired
    LiveEventRows eventLog;
    @Autowired
    EventFanOut fanOut;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void anEventThatCommitsLateIsNumberedAfterWhatWasAlreadyDeliveredAndNeverSkipped() throws Exception {
        String conversation = demo.startAsPatient(ALICE, "Dr. Patel", "Late commit", "Hello");
        Map<String, Object> ids = jdbc.sql("select practice_id, care_team_id, patient_id from conversation where id = :id")
                .param("id", UUID.fromString(conversation)).query().singleRow();
        UUID patel = UUID.fromString(demo.me(PATEL).get("id").asString());
        fanOut.drain();
        long before = eventLog.latest(patel);

        CountDownLatch staged = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService late = Executors.newSingleThreadExecutor();
        try {
            // The first change is written first (the lower outbox id) but its transaction stays open.
            Future<?> first = late.submit(() -> transaction.executeWithoutResult(status -> {
                outbox.stage(List.of(change(ids, "early-but-late")));
                staged.countDown();
                await(commit);
            }));
            assertThat(staged.await(10, TimeUnit.SECONDS)).isTrue();
            transaction.executeWithoutResult(status -> outbox.stage(List.of(change(ids, "later-but-first"))));

            fanOut.drain();
            List<LiveEvent> seen = eventLog.after(patel, before, 100);
            assertThat(seen).extracting(LiveEvent::data).containsExactly(data("later-but-first"));
            long reader = seen.get(seen.size() - 1).eventId();

            commit.countDown();
            first.get(10, TimeUnit.SECONDS);
            fanOut.drain();

            // A reader resuming after what it saw still gets the late one: nothing is lost.
            assertThat(eventLog.after(patel, reader, 100)).extracting(LiveEvent::data)
                    .containsExactly(data("early-but-late"));
            assertThat(eventLog.after(patel, before, 100)).extracting(LiveEvent::eventId)
                    .containsExactly(before + 1, before + 2);
        } finally {
            commit.countDown();
            late.shutdownNow();
        }
    }

    @Test
    void concurrentSendsToOneTeamGiveEveryMemberEachMessageOnceWithGaplessIds() throws Exception {
        List<String> conversations = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            conversations.add(demo.startAsPatient(ALICE, "Dr. Patel", "Concurrent " + i, "Start"));
        }
        UUID patel = UUID.fromString(demo.me(PATEL).get("id").asString());
        fanOut.drain();
        long before = eventLog.latest(patel);
        String token = demo.token(ALICE);

        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<String>> sent = new ArrayList<>();
        try {
            for (int i = 0; i < 80; i++) {
                String conversation = conversations.get(i % conversations.size());
                int n = i;
                sent.add(clients.submit(() -> {
                    var response = api.post("/api/v1/conversations/" + conversation + "/messages").token(token)
                            .json(Map.of("body", "Message " + n)).send();
                    assertThat(response.status()).as(response.toString()).isEqualTo(201);
                    return response.json().get("id").asString();
                }));
            }
            List<String> messageIds = new ArrayList<>();
            for (Future<String> f : sent) {
                messageIds.add(f.get(60, TimeUnit.SECONDS));
            }
            fanOut.drain();

            List<LiveEvent> events = eventLog.after(patel, before, 1000);
            for (int i = 0; i < events.size(); i++) {
                assertThat(events.get(i).eventId()).isEqualTo(before + 1 + i);
            }
            List<String> announced = events.stream().filter(e -> e.type().equals("message.created"))
                    .map(LiveEvent::data).toList();
            for (String id : messageIds) {
                assertThat(announced).filteredOn(d -> d.contains(id)).hasSize(1);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private static LiveOutboxRows.Change change(Map<String, Object> ids, String marker) {
        return new LiveOutboxRows.Change(0, (UUID) ids.get("practice_id"), (UUID) ids.get("care_team_id"),
                (UUID) ids.get("patient_id"), null, true, false, "test.marker", data(marker));
    }

    private static String data(String marker) {
        return "{\"marker\":\"" + marker + "\"}";
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
