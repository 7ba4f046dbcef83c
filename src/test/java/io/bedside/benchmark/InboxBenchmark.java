package io.bedside.benchmark;

import static io.bedside.support.Demo.KIM;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.bedside.messaging.internal.ConversationStarts;
import io.bedside.messaging.internal.Triage;
import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;
import io.bedside.support.PageSession;
import io.bedside.support.PostgresTest;

/**
 * How long the care team's inbox takes over HTTP with a full team: N conversations (default
 * 5,000, {@link InboxSeed}) in one team, some urgent, some high, a quarter closed; then the
 * nurse's inbox page (the live-refresh fragment: counts of every view and the first 25 rows, each
 * subject decrypted, each preview decrypted and audited) is fetched again and again, one request
 * at a time. Run with {@code ./mvnw verify -Pbenchmark -Dtest=InboxBenchmark} and
 * BEDSIDE_TEST_POSTGRES_URL set. {@link ListLoadBenchmark} runs the same after its lists.
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
        InboxSeed.seed(demo, jdbc, starts, triage, CONVERSATIONS);
        measure(api, CONVERSATIONS, REQUESTS);
    }

    /** The nurse's inbox fragment, each view {@code requests} times one at a time, after a warm-up. */
    static void measure(Api api, int conversations, int requests) {
        PageSession nurse = PageSession.signedIn(api.base(), KIM);
        for (int i = 0; i < 50; i++) {
            assertThat(nurse.background("/app/inbox/fragment").status()).isEqualTo(200);
        }
        for (String view : new String[] {"open", "unread", "closed"}) {
            long[] nanos = new long[requests];
            for (int i = 0; i < requests; i++) {
                long start = System.nanoTime();
                var page = nurse.background("/app/inbox/fragment?filter=" + view);
                nanos[i] = System.nanoTime() - start;
                assertThat(page.status()).isEqualTo(200);
            }
            Arrays.sort(nanos);
            System.out.printf("INBOX BENCHMARK (PostgreSQL, %d conversations, view %s, %d requests one at a time): "
                    + "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms%n", conversations, view, requests,
                    nanos[requests / 2] / 1e6, nanos[requests * 9 / 10] / 1e6, nanos[requests * 99 / 100] / 1e6);
        }
        System.out.println();
    }
}
