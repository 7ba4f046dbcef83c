package io.bedside.benchmark;

import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.bedside.outreach.CampaignSender;
import io.bedside.patient.Patients;
import io.bedside.patient.RosterEntry;
import io.bedside.patient.Sex;
import io.bedside.shared.PracticeId;
import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;
import io.bedside.support.PostgresTest;

/**
 * Ordinary sends while a 50,000-patient campaign goes out, on PostgreSQL. Patients and staff send
 * at a steady pace (default 4 clients, one message each every 100 ms) and their latency is taken
 * three times: with no campaign, while the campaign goes out at the default rate (20 a second),
 * and at five times that. Also: how long enrolling 50,000 patients takes, and the campaign's rate.
 * Run with {@code ./mvnw verify -Pbenchmark -Dtest=CampaignLoadBenchmark} and
 * BEDSIDE_TEST_POSTGRES_URL set. Load generator and server share the two cores.
 */
@PostgresTest
class CampaignLoadBenchmark extends ApplicationTest {

    private static final int PATIENTS = Integer.getInteger("bedside.bench.patients", 50_000);
    private static final int CLIENTS = Integer.getInteger("bedside.bench.clients", 4);
    private static final int PACE_MS = Integer.getInteger("bedside.bench.pace-ms", 100);
    private static final int SECONDS = Integer.getInteger("bedside.bench.seconds", 30);

    @Autowired
    Patients patients;
    @Autowired
    CampaignSender sender;

    @Test
    void ordinarySendsDuringA50000PatientCampaign() throws Exception {
        PracticeId riverside = demo.actor(RIVERSIDE_ADMIN).practiceId();
        String tag = "bench" + UUID.randomUUID().toString().substring(0, 6);
        List<RosterEntry> roster = new ArrayList<>();
        for (int i = 0; i < PATIENTS; i++) {
            roster.add(new RosterEntry(tag + "-" + i, "Pat" + i, "Bench", LocalDate.of(1940 + i % 60, 1 + i % 12, 1 + i % 28),
                    i % 2 == 0 ? Sex.FEMALE : Sex.MALE, null, null, i % 3 == 0 ? "es" : "en", List.of(tag), null));
            if (roster.size() == 5_000) {
                patients.upsertRoster(riverside, roster);
                roster.clear();
            }
        }
        patients.upsertRoster(riverside, roster);

        List<String> conversations = new ArrayList<>();
        for (int i = 0; i < CLIENTS * 5; i++) {
            conversations.add(demo.startAsPatient(i % 2 == 0 ? "alice@patients.example" : "bob@patients.example",
                    "Dr. Patel", "Steady " + i, "Start"));
        }
        paced(conversations, 5);
        SendLatencies.Result quiet = paced(conversations, SECONDS);

        Api.Response created = api.post("/api/v1/campaigns").token(demo.token(RIVERSIDE_ADMIN)).json(Map.of(
                "name", "Benchmark campaign", "careTeamId", demo.team(KIM, "Dr. Patel"),
                "cohort", Map.of("tags", List.of(tag)),
                "messages", Map.of("en", "Hi {firstName}, time for your check-up at {practice}.",
                        "es", "Hola {firstName}, es hora de su revisión en {practice}."))).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long enrollStart = System.nanoTime();
        sender.startDue();
        double enrollSeconds = (System.nanoTime() - enrollStart) / 1e9;

        Campaign atDefault = new Campaign(20);
        SendLatencies.Result duringDefault = paced(conversations, SECONDS);
        long sentAtDefault = atDefault.stop();
        Campaign atFive = new Campaign(100);
        SendLatencies.Result duringFast = paced(conversations, SECONDS);
        long sentAtFive = atFive.stop();

        System.out.printf("%nCAMPAIGN BENCHMARK (PostgreSQL, %d patients, %d clients every %d ms, %d s each)%n"
                        + "  enrolling %d patients: %.1f s%n"
                        + "  no campaign:        %s%n"
                        + "  campaign 20/s:      %s; campaign sent %d (%.1f/s)%n"
                        + "  campaign 100/s:     %s; campaign sent %d (%.1f/s)%n%n",
                PATIENTS, CLIENTS, PACE_MS, SECONDS, PATIENTS, enrollSeconds, quiet, duringDefault, sentAtDefault,
                sentAtDefault / (double) SECONDS, duringFast, sentAtFive, sentAtFive / (double) SECONDS);
        assertThat(quiet.errors() + duringDefault.errors() + duringFast.errors()).isZero();
        assertThat(sentAtDefault).isPositive();

        if (Boolean.getBoolean("bedside.bench.finish")) {
            // The rest as fast as one node goes, then: everyone exactly once.
            long start = System.nanoTime();
            long rest = 0;
            int n;
            while ((n = sender.send(1_000)) > 0) {
                rest += n;
            }
            double took = (System.nanoTime() - start) / 1e9;
            String id = created.json().get("id").asString();
            long written = jdbc.sql("select count(distinct c.id) from conversation c join campaign_recipient r"
                    + " on r.conversation_id = c.id where r.campaign_id = :id")
                    .param("id", UUID.fromString(id)).query(Long.class).single();
            System.out.printf("  the remaining %d unthrottled: %.0f s (%.0f/s); %d conversations for %d patients%n%n",
                    rest, took, rest / took, written, PATIENTS);
            assertThat(written).isEqualTo(PATIENTS);
        }
    }

    /** The campaign going out in the background at a rate, a batch each second, as the scheduler does. */
    private final class Campaign {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong sent = new AtomicLong();
        private final Thread thread;

        Campaign(int perSecond) {
            thread = new Thread(() -> {
                while (running.get()) {
                    long start = System.nanoTime();
                    sent.addAndGet(sender.send(perSecond));
                    long left = 1_000_000_000L - (System.nanoTime() - start);
                    if (left > 0) {
                        try {
                            Thread.sleep(left / 1_000_000);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }, "campaign-" + perSecond);
            thread.start();
        }

        long stop() throws InterruptedException {
            running.set(false);
            thread.join();
            return sent.get();
        }
    }

    private SendLatencies.Result paced(List<String> conversations, int seconds) throws Exception {
        // Alice's clients write in her conversations (even places), Bob's in his (odd places).
        return SendLatencies.run(api, CLIENTS,
                c -> demo.token(c % 2 == 0 ? "alice@patients.example" : "bob@patients.example"),
                (client, i) -> conversations.get((client % 2) + 2 * (i % (conversations.size() / 2))), seconds, PACE_MS);
    }
}
