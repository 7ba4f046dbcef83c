package io.bedside.benchmark;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.BOB;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.PATEL;
import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.bedside.messaging.internal.ConversationStarts;
import io.bedside.messaging.internal.Triage;
import io.bedside.support.ApplicationTest;
import io.bedside.support.PageSession;
import io.bedside.support.PostgresTest;

/**
 * Conversation lists per second over HTTP against PostgreSQL with a full team ({@link InboxSeed},
 * default 5,000 conversations): {@code GET /api/v1/conversations} (first page, 20 rows) by N
 * clients (default 8) in a closed loop, once as the two patients (2,500 conversations each) and
 * once as two members of staff (the whole practice), each for a fixed time after a warm-up. With
 * {@code -Dbedside.bench.explain=true}, PostgreSQL first logs the plan of every statement of one
 * list request and one inbox page ({@link StatementPlans}). Run with
 * {@code ./mvnw verify -Pbenchmark -Dtest=ListLoadBenchmark} and BEDSIDE_TEST_POSTGRES_URL set. The
 * inbox page is then measured as {@link InboxBenchmark} does (skip with
 * {@code -Dbedside.bench.no-inbox=true}), so one run gives both read targets. The
 * load generator shares the JVM and the two cores with the server, so the figures are a floor.
 */
@PostgresTest
class ListLoadBenchmark extends ApplicationTest {

    private static final int CONVERSATIONS = Integer.getInteger("bedside.bench.conversations", 5000);
    private static final int CLIENTS = Integer.getInteger("bedside.bench.clients", 8);
    private static final int SECONDS = Integer.getInteger("bedside.bench.seconds", 15);
    private static final int WARMUP_SECONDS = Integer.getInteger("bedside.bench.warmup", 5);
    private static final boolean INBOX = !Boolean.getBoolean("bedside.bench.no-inbox");

    @Autowired
    ConversationStarts starts;

    @Autowired
    Triage triage;

    @Autowired
    DataSource dataSource;

    @Test
    void listsPerSecondAndLatency() throws Exception {
        InboxSeed.seed(demo, jdbc, starts, triage, CONVERSATIONS);
        int hold = Integer.getInteger("bedside.bench.hold-seconds", 0);
        if (hold > 0) {
            // Time to copy the seeded database for EXPLAIN by hand (pg_dump), before the load.
            System.out.printf("HOLD database %s for %d s%n", jdbc.sql("select current_database()")
                    .query(String.class).single(), hold);
            Thread.sleep(hold * 1000L);
        }
        if (Boolean.getBoolean("bedside.bench.explain")) {
            PageSession nurse = PageSession.signedIn(api.base(), KIM);
            String alice = demo.token(ALICE);
            String kim = demo.token(KIM);
            StatementPlans.logged(jdbc, dataSource, () -> {
                StatementPlans.mark(jdbc, "list as patient");
                assertThat(api.get("/api/v1/conversations").token(alice).send().status()).isEqualTo(200);
                StatementPlans.mark(jdbc, "list as staff");
                assertThat(api.get("/api/v1/conversations").token(kim).send().status()).isEqualTo(200);
                StatementPlans.mark(jdbc, "inbox fragment open");
                assertThat(nurse.background("/app/inbox/fragment?filter=open").status()).isEqualTo(200);
                StatementPlans.mark(jdbc, "end");
            });
        }
        String[][] readers = {{ALICE, BOB}, {KIM, PATEL}};
        String[] names = {"patients", "staff"};
        for (int r = 0; r < readers.length; r++) {
            String[] tokens = {demo.token(readers[r][0]), demo.token(readers[r][1])};
            ReadLatencies.Request list = (client, i) ->
                    api.get("/api/v1/conversations").token(tokens[client % 2]).send().status() == 200;
            ReadLatencies.run(CLIENTS, WARMUP_SECONDS, list);
            ReadLatencies.Result result = ReadLatencies.run(CLIENTS, SECONDS, list);
            System.out.printf("%nLIST BENCHMARK (PostgreSQL, %d conversations, as %s, %d clients, %d s): %s%n",
                    CONVERSATIONS, names[r], CLIENTS, SECONDS, result);
            assertThat(result.errors()).isZero();
        }
        if (INBOX) {
            InboxBenchmark.measure(api, CONVERSATIONS, Integer.getInteger("bedside.bench.requests", 500));
        }
        System.out.println();
    }
}
