package io.bedside.faults;

import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.bedside.support.Api;
import io.bedside.support.ChildNode;
import io.bedside.support.Demo;
import io.bedside.support.PostgresOnly;
import io.bedside.support.TestDatabases;

/**
 * A node in a process of its own is killed with SIGKILL while it sends a campaign that also
 * invites its patients by email (GreenMail is the SMTP server), and a new node finishes the work.
 * Every patient gets one campaign conversation and their invitation email; an email sent again
 * after the kill carries the same Message-ID (the notice's id, the documented key for spotting a
 * resend), never a second notice.
 */
@PostgresOnly
class NodeKilledIntegrationTests {

    private static final int PATIENTS = 30;
    private static final Duration FINISH = Duration.ofMinutes(3);

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    @Test
    void aNodeKilledMidCampaignAndMidDispatchLosesNothingAndSendsNothingTwice() throws Exception {
        String tag = "k" + UUID.randomUUID().toString().substring(0, 8);
        String database = TestDatabases.createPostgresDatabase(null);
        try {
            JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(database, TestDatabases.user(), TestDatabases.password()));
            String campaign;
            long sentAtKill;
            int emailsAtKill;
            try (ChildNode first = ChildNode.start(dir, "node-1", args(database))) {
                Demo demo = new Demo(first.api());
                importRoster(first.api(), demo.token(RIVERSIDE_ADMIN), tag);
                campaign = createCampaign(first.api(), demo, tag);
                await(() -> sent(jdbc, campaign) >= 6 && smtp.getReceivedMessages().length >= 3,
                        "the first node has sent part of the campaign and of its emails");
                first.kill();
                sentAtKill = sent(jdbc, campaign);
                emailsAtKill = smtp.getReceivedMessages().length;
            }
            assertThat(sentAtKill).as("the kill came mid-campaign").isLessThan(PATIENTS);

            try (ChildNode second = ChildNode.start(dir, "node-2", args(database))) {
                await(() -> sent(jdbc, campaign) == PATIENTS && recipients().size() == PATIENTS,
                        "the second node finishes the campaign and its emails");
                Thread.sleep(3000); // a resend would come within the 5 s lease: wait for it to show
            }

            List<Long> perPatient = jdbc.sql("""
                    select count(c.id) from patient p left join conversation c
                           on c.patient_id = p.id and c.kind = 'CAMPAIGN'
                     where p.external_id like :tag group by p.id""")
                    .param("tag", tag + "-%").query(Long.class).list();
            assertThat(perPatient).as("campaign conversations per patient").hasSize(PATIENTS).containsOnly(1L);

            Map<String, Set<String>> noticesPerRecipient = recipients();
            assertThat(noticesPerRecipient).as("patients who got their invitation").hasSize(PATIENTS);
            assertThat(noticesPerRecipient.values()).as("distinct notices (Message-IDs) per patient")
                    .allSatisfy(ids -> assertThat(ids).hasSize(1));
            int emails = smtp.getReceivedMessages().length;
            System.out.printf("Node killed: campaign to %d patients, %d sent and %d emails received before the "
                    + "SIGKILL; after a new node: %d conversations (one each), %d emails for %d notices "
                    + "(%d resent with the same Message-ID)%n", PATIENTS, sentAtKill, emailsAtKill,
                    perPatient.stream().mapToLong(Long::longValue).sum(), emails, PATIENTS, emails - PATIENTS);
        } finally {
            TestDatabases.dropPostgresDatabase(database.replaceAll("^.*/([^/?]+)(\\?.*)?$", "$1"));
        }
    }

    private List<String> args(String database) {
        return List.of(
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + TestDatabases.user(),
                "--spring.datasource.password=" + TestDatabases.password(),
                "--bedside.demo=true",
                "--bedside.demo.office-hours=false",
                "--bedside.data-dir=" + dir.resolve("data"),
                "--bedside.workflow.overdue-check=1h",
                "--spring.datasource.hikari.maximum-pool-size=5",
                "--bedside.notification.delivery=live",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--bedside.base-url=http://127.0.0.1",
                "--bedside.notification.dispatch-interval=1s",
                "--bedside.notification.lease=5s",
                "--bedside.outreach.tick=1s",
                "--bedside.outreach.rate=3",
                "--bedside.outreach.batch-size=2");
    }

    private static void importRoster(Api api, String admin, String tag) {
        StringBuilder csv = new StringBuilder("external_id,given_name,family_name,birth_date,sex,email,language,tags\n");
        for (int i = 0; i < PATIENTS; i++) {
            csv.append(tag).append('-').append(i).append(",P").append(i).append(",Tester,1980-01-01,unknown,")
                    .append(tag).append('-').append(i).append("@patients.example,en,").append(tag).append('\n');
        }
        Api.Response r = api.post("/api/v1/patients/import").token(admin).raw("text/csv", csv.toString()).send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static String createCampaign(Api api, Demo demo, String tag) {
        Api.Response r = api.post("/api/v1/campaigns").token(demo.token(RIVERSIDE_ADMIN)).json(Map.of(
                "name", "Check-up reminder", "careTeamId", demo.team(KIM, "Dr. Patel"),
                "cohort", Map.of("tags", List.of(tag)),
                "messages", Map.of("en", "Hi {firstName}, it is time for your check-up."),
                "inviteNew", true)).send();
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private static long sent(JdbcClient jdbc, String campaign) {
        return jdbc.sql("select count(*) from campaign_recipient where campaign_id = :c and status = 'sent'")
                .param("c", UUID.fromString(campaign)).query(Long.class).single();
    }

    /** Each recipient's Message-IDs, from the emails GreenMail received. */
    private static Map<String, Set<String>> recipients() {
        return java.util.Arrays.stream(smtp.getReceivedMessages()).collect(Collectors.groupingBy(
                NodeKilledIntegrationTests::recipient,
                Collectors.mapping(NodeKilledIntegrationTests::messageId, Collectors.toSet())));
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + FINISH.toNanos();
        while (System.nanoTime() < deadline) {
            if (done.getAsBoolean()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not within " + FINISH + ": " + what);
    }
}
