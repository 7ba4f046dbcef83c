package io.bedside.benchmark;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.BOB;
import static io.bedside.support.Demo.KIM;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.bedside.messaging.ConversationId;
import io.bedside.messaging.ConversationStatus;
import io.bedside.messaging.Priority;
import io.bedside.messaging.internal.ConversationChange;
import io.bedside.messaging.internal.ConversationStarts;
import io.bedside.messaging.internal.NewConversation;
import io.bedside.messaging.internal.Triage;
import io.bedside.shared.Actor;
import io.bedside.shared.CareTeamId;
import io.bedside.support.Demo;

/**
 * A full care team for the read benchmarks: N conversations in Dr. Patel's team, half from Alice,
 * half from Bob, every 50th urgent, every 10th high and assigned to the nurse, a quarter of the
 * rest closed. Started through the service (not HTTP), so seeding takes seconds, not minutes.
 */
final class InboxSeed {

    private InboxSeed() {
    }

    static void seed(Demo demo, JdbcClient jdbc, ConversationStarts starts, Triage triage, int conversations) {
        Actor alice = demo.actor(ALICE);
        Actor bob = demo.actor(BOB);
        Actor kim = demo.actor(KIM);
        CareTeamId team = CareTeamId.parse(demo.team(ALICE, "Dr. Patel"));
        long seedStart = System.nanoTime();
        for (int i = 0; i < conversations; i++) {
            Actor patient = i % 2 == 0 ? alice : bob;
            var started = starts.start(patient, new NewConversation(team, "Inbox load " + i,
                    "A message to fill the inbox", null, null, null, Map.of()));
            ConversationId id = started.conversation().id();
            if (i % 50 == 0) {
                triage.update(kim, id, new ConversationChange(null, Priority.URGENT, null, false));
            } else if (i % 10 == 0) {
                triage.update(kim, id, new ConversationChange(null, Priority.HIGH, kim.userId(), false));
            } else if (i % 4 == 0) {
                triage.update(kim, id, new ConversationChange(ConversationStatus.CLOSED, null, null, false));
            }
        }
        System.out.printf("%nseeded %d conversations in %.1f s%n", conversations,
                (System.nanoTime() - seedStart) / 1e9);
        // Planner statistics as a running system has them (autovacuum would gather them a minute
        // later, in the middle of a measurement).
        jdbc.sql("analyze").update();
    }
}
