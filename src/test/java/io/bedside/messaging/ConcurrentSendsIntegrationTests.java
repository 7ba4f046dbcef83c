package io.bedside.messaging;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.PATEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;

/** Sequence numbers and idempotency keys hold when many requests arrive at once. */
@BothDatabases
class ConcurrentSendsIntegrationTests extends ApplicationTest {

    @Test
    void fiftyConcurrentSendsGetSeqTwoToFiftyOneWithoutGapsOrDuplicates() throws Exception {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Busy thread", "first");
        List<String> senders = List.of(ALICE, PATEL, KIM);
        senders.forEach(demo::token);

        List<Api.Response> responses = concurrently(50, i -> demo.send(senders.get(i % 3), id, "message " + i));

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).isEqualTo(201));
        List<Long> seqs = jdbc.sql("select seq from message where conversation_id = :id order by seq")
                .param("id", UUID.fromString(id)).query(Long.class).list();
        assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, 51).boxed().toList());
        assertThat(responses).extracting(r -> r.json().get("seq").asLong()).doesNotHaveDuplicates();
        long lastSeq = jdbc.sql("select last_seq from conversation where id = :id").param("id", UUID.fromString(id))
                .query(Long.class).single();
        assertThat(lastSeq).isEqualTo(51);
    }

    @Test
    void concurrentRequestsWithOneIdempotencyKeyMakeOneMessage() throws Exception {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Double tap", "first");
        String key = "tap-" + UUID.randomUUID();

        List<Api.Response> responses = concurrently(10, i -> api.post("/api/v1/conversations/" + id + "/messages")
                .token(demo.token(ALICE)).header("Idempotency-Key", key).json(Map.of("body", "Same message")).send());

        // Each is either the message (first or replayed) or "still in flight" (409), never a second message.
        assertThat(responses).allSatisfy(r -> assertThat(r.status()).isIn(201, 409));
        List<String> ids = responses.stream().filter(r -> r.status() == 201)
                .map(r -> r.json().get("id").asString()).distinct().toList();
        assertThat(ids).hasSize(1);
        assertThat(jdbc.sql("select count(*) from message where conversation_id = :id")
                .param("id", UUID.fromString(id)).query(Long.class).single()).isEqualTo(2);
    }

    interface Request {
        Api.Response send(int i);
    }

    private static List<Api.Response> concurrently(int count, Request request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                Callable<Api.Response> task = () -> {
                    start.await();
                    return request.send(n);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> f : futures) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
