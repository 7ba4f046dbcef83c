package io.bedside.benchmark;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.BOB;
import static io.bedside.support.Demo.KIM;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.bedside.messaging.ConversationId;
import io.bedside.messaging.internal.ConversationChange;
import io.bedside.messaging.internal.ConversationStarts;
import io.bedside.messaging.internal.NewConversation;
import io.bedside.messaging.internal.Triage;
import io.bedside.shared.Actor;
import io.bedside.shared.CareTeamId;
import io.bedside.support.ApplicationTest;
import io.bedside.support.PageSession;
import io.bedside.support.PostgresTest;

/**
 * How long the care team's inbox takes over HTTP with a full team: N conversations (default
 * 5,000) in one team, some urgent, some high, a quarter closed; then the nurse's inbox page (the
 * live-refresh fragment: counts of every view and the first 25 rows, each subject decrypted) is
 * fetched again and again, one request at a time. Run with {@code ./mvnw verify -Pbenchmark
 * -Dtest=InboxBenchmark} and BEDSIDE_TEST_POSTGRES_URL set.
 */
@PostgresTest
class InboxBenchmark extends ApplicationTest {

    private static final int CONVERSATIONS = Integer.getInteger("bedside.bench.conversations", 5000);
    private static final int REQUESTS = Integer.getInteger("bedside.bench.requests", 500);

    @Autowired
    ConversationStarts starts;

    @Autowired
    Triage triage;

    @Test
    void inboxPageLatency() {
        Actor alice = demo.actor(ALICE);
        Actor bob = demo.actor(BOB);
        Actor kim = demo.actor(KIM);
        CareTeamId team = CareTeamId.parse(demo.team(ALICE, "Dr. Patel"));
        long seedStart = System.nanoTime();
        for (int i = 0; i < CONVERSATIONS; i++) {
            Actor patient = i % 2 == 0 ? alice : bob;
            var started = starts.start(patient, new NewConversation(team, "Inbox load " + i,
                    "A message to fill the inbox", null, null, null, Map.of()));
            ConversationId id = started.conversation().id();
            if (i % 50 == 0) {
                triage.update(kim, id, new ConversationChange(null,
                        io.bedside.messaging.Priority.URGENT, null, false));
            } else if (i % 10 == 0) {
                triage.update(kim, id, new ConversationChange(null,
                        io.bedside.messaging.Priority.HIGH, kim.userId(), false));
            } else if (i % 4 == 0) {
                triage.update(kim, id, new ConversationChange(
                        io.bedside.messaging.ConversationStatus.CLOSED, null, null, false));
            }
        }
        System.out.printf("%nseeded %d conversations in %.1f s%n", CONVERSATIONS, (System.nanoTime() - seedStart) / 1e9);

        PageSession nurse = PageSession.signedIn(api.base(), KIM);
        for (int i = 0; i < 50; i++) {
            assertThat(nurse.background("/app/inbox/fragment").status()).isEqualTo(200);
        }
        for (String view : new String[] {"open", "unread", "closed"}) {
            long[] nanos = new long[REQUESTS];
            for (int i = 0; i < REQUESTS; i++) {
                long start = System.nanoTime();
                var page = nurse.background("/app/inbox/fragment?filter=" + view);
                nanos[i] = System.nanoTime() - start;
                assertThat(page.status()).isEqualTo(200);
            }
            Arrays.sort(nanos);
            System.out.printf("INBOX BENCHMARK (PostgreSQL, %d conversations, view %s, %d requests one at a time): "
                    + "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms%n", CONVERSATIONS, view, REQUESTS,
                    nanos[REQUESTS / 2] / 1e6, nanos[REQUESTS * 9 / 10] / 1e6, nanos[REQUESTS * 99 / 100] / 1e6);
        }
        System.out.println();
    }
}
