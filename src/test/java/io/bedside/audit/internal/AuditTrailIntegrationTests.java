package io.bedside.audit.internal;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.BOB;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.LAKESIDE_ADMIN;
import static io.bedside.support.Demo.PATEL;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.bedside.audit.AuditChain;
import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.audit.ChainVerification;
import io.bedside.practice.Practices;
import io.bedside.shared.Actor;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.StaffRole;
import io.bedside.shared.UserId;
import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import tools.jackson.databind.JsonNode;

/** The audit trail: what is recorded, who may read it, and how tampering is caught. */
@BothDatabases
class AuditTrailIntegrationTests extends ApplicationTest {

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditChain chain;

    @Autowired
    Practices practices;

    @Autowired
    DataSource dataSource;

    // ------------------------------------------------------------ what is recorded

    @Test
    void sendingAndReadingAreRecordedWithActorPatientAddressAndAgent() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Audited", "Hello");
        demo.send(PATEL, id, "Reply");
        api.get("/api/v1/conversations/" + id + "/messages").token(demo.token(KIM)).header("User-Agent", "NurseTablet/1.0")
                .header("X-Forwarded-For", "203.0.113.9").send();

        String patient = demo.me(ALICE).get("patientId").asString();
        List<String> actions = jdbc.sql("""
                select action from audit_event where patient_id = :p and (target_id = :c or target_type = 'message')
                 order by occurred_at""")
                .param("p", UUID.fromString(patient)).param("c", id).query(String.class).list();
        assertThat(actions).contains("conversation.created", "message.sent", "messages.read");

        var read = jdbc.sql("""
                select actor_id, client_address, user_agent, allowed from audit_event
                 where action = 'messages.read' and target_id = :c and user_agent = 'NurseTablet/1.0'""")
                .param("c", id).query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4)))
                .single();
        assertThat(read.get(0)).isEqualTo(demo.me(KIM).get("id").asString());
        assertThat(read.get(1)).isEqualTo("203.0.113.9");
        assertThat(read.get(3)).isIn("TRUE", "true", "t");
    }

    @Test
    void auditRowsNeverContainMessageText() {
        String marker = "AUDIT-MARKER-" + UUID.randomUUID();
        String id = demo.startAsPatient(ALICE, "Dr. Patel", marker, marker);
        demo.send(PATEL, id, marker);
        chain.sealPending();
        for (String table : List.of("audit_event", "audit_chain", "audit_checkpoint", "audit_chain_head")) {
            jdbc.sql("select * from " + table).query(rs -> {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    assertThat(String.valueOf(rs.getObject(i))).doesNotContain("AUDIT-MARKER");
                }
            });
        }
    }

    // ------------------------------------------------------------ who may read it

    @Test
    void practiceAdminReadsTheTrailOfAnyPatientOfTheirPractice() {
        String id = demo.startAsPatient(BOB, "Dr. Patel", "For the admin", "Hello");
        demo.messages(PATEL, id);
        String bob = demo.me(BOB).get("patientId").asString();

        Api.Response response = api.get("/api/v1/audit?patientId=" + bob).token(demo.token(RIVERSIDE_ADMIN)).send();

        assertThat(response.status()).isEqualTo(200);
        JsonNode items = response.json().get("items");
        assertThat(items).isNotEmpty().allSatisfy(e -> assertThat(String.valueOf(e.get("patientId"))).contains(bob));
        JsonNode patelRead = items.valueStream()
                .filter(e -> e.get("action").asString().equals("messages.read")
                        && e.get("actorName").asString().equals("Dr. Priya Patel"))
                .findFirst().orElseThrow();
        assertThat(patelRead.get("actorRole").asString()).isEqualTo("physician");
        assertThat(patelRead.get("description").asString()).isEqualTo("read the messages of a conversation");
        assertThat(api.get("/api/v1/audit").token(demo.token(RIVERSIDE_ADMIN)).send().status()).isEqualTo(200);
    }

    @Test
    void patientReadsWhoAccessedTheirOwnRecordOnly() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Who read this?", "Hello");
        demo.messages(KIM, id);
        String alice = demo.me(ALICE).get("patientId").asString();
        String bob = demo.me(BOB).get("patientId").asString();

        JsonNode own = api.get("/api/v1/audit").token(demo.token(ALICE)).send().json();
        assertThat(own.get("items")).allSatisfy(e -> assertThat(String.valueOf(e.get("patientId"))).contains(alice));
        assertThat(own.get("items")).anySatisfy(e -> {
            assertThat(e.get("actorName").asString()).isEqualTo("Jenny Kim, RN");
            assertThat(e.get("action").asString()).isEqualTo("messages.read");
        });

        assertThat(api.get("/api/v1/audit?patientId=" + bob).token(demo.token(ALICE)).send().status()).isEqualTo(404);
    }

    @Test
    void otherStaffAndOtherPracticesMayNotReadTheTrail() {
        String alice = demo.me(ALICE).get("patientId").asString();
        Api.Response nurse = api.get("/api/v1/audit?patientId=" + alice).token(demo.token(KIM)).send();
        assertThat(nurse.status()).isEqualTo(403);
        assertThat(nurse.contentType()).startsWith("application/problem+json");

        Api.Response otherAdmin = api.get("/api/v1/audit?patientId=" + alice).token(demo.token(LAKESIDE_ADMIN)).send();
        assertThat(otherAdmin.status()).isEqualTo(404);
        JsonNode theirOwn = api.get("/api/v1/audit").token(demo.token(LAKESIDE_ADMIN)).send().json();
        assertThat(theirOwn.get("items")).noneSatisfy(e -> assertThat(String.valueOf(e.get("patientId"))).contains(alice));
    }

    @Test
    void trailIsPaginatedNewestFirstAndFilteredByTime() {
        String alice = demo.me(ALICE).get("patientId").asString();
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Paging", "Hello");
        for (int i = 0; i < 4; i++) {
            demo.messages(PATEL, id);
        }
        String token = demo.token(RIVERSIDE_ADMIN);
        JsonNode first = api.get("/api/v1/audit?limit=2&patientId=" + alice).token(token).send().json();
        assertThat(first.get("items")).hasSize(2);
        String cursor = first.get("nextCursor").asString();
        JsonNode second = api.get("/api/v1/audit?limit=2&patientId=" + alice + "&cursor=" + cursor).token(token).send()
                .json();
        assertThat(second.get("items")).hasSize(2);
        assertThat(second.get("items").get(0).get("occurredAt").asString())
                .isLessThanOrEqualTo(first.get("items").get(1).get("occurredAt").asString());
        assertThat(second.get("items").get(0).get("id").asString())
                .isNotEqualTo(first.get("items").get(1).get("id").asString());

        assertThat(api.get("/api/v1/audit?from=2000-01-01&to=2000-01-02").token(token).send().json().get("items"))
                .isEmpty();
        assertThat(api.get("/api/v1/audit?from=yesterday").token(token).send().status()).isEqualTo(400);
        assertThat(api.get("/api/v1/audit?limit=500").token(token).send().status()).isEqualTo(400);
        assertThat(api.get("/api/v1/audit?patientId=nope").token(token).send().status()).isEqualTo(404);
    }

    // ------------------------------------------------------------ the chain

    @Test
    void sealedChainVerifiesIntact() {
        PracticeId practice = practiceWithEvents(5);
        assertThat(chain.verify(practice).intact()).isTrue();
        assertThat(chain.verify(practice).rowsChecked()).isEqualTo(5);
        assertThat(chain.verify(practice).checkpointsChecked()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void auditRowsCannotBeChangedOrRemovedThroughTheDatabase() {
        PracticeId practice = practiceWithEvents(1);
        assertThatThrownBy(() -> jdbc.sql("update audit_event set action = 'x' where practice_id = :p")
                .param("p", practice.value()).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_chain where practice_id = :p")
                .param("p", practice.value()).update()).hasMessageContaining("append-only");
    }

    @Test
    void verifierDetectsAChangedRow() {
        PracticeId practice = practiceWithEvents(4);
        withoutGuards(() -> jdbc.sql("""
                update audit_event set action = 'nothing.happened'
                 where id = (select event_id from audit_chain where practice_id = :p and chain_seq = 2)""")
                .param("p", practice.value()).update());

        ChainVerification result = chain.verify(practice);
        assertThat(result.intact()).isFalse();
        assertThat(result.problems()).anyMatch(p -> p.contains("row 2 was changed"));
    }

    @Test
    void verifierDetectsARemovedRow() {
        PracticeId practice = practiceWithEvents(4);
        withoutGuards(() -> {
            UUID event = jdbc.sql("select event_id from audit_chain where practice_id = :p and chain_seq = 2")
                    .param("p", practice.value()).query(UUID.class).single();
            jdbc.sql("delete from audit_chain where event_id = :e").param("e", event).update();
            jdbc.sql("delete from audit_event where id = :e").param("e", event).update();
        });

        ChainVerification result = chain.verify(practice);
        assertThat(result.intact()).isFalse();
        assertThat(result.problems()).anyMatch(p -> p.contains("missing"));
    }

    @Test
    void verifierDetectsReorderedRows() {
        PracticeId practice = practiceWithEvents(4);
        withoutGuards(() -> {
            jdbc.sql("update audit_chain set chain_seq = -1 where practice_id = :p and chain_seq = 2")
                    .param("p", practice.value()).update();
            jdbc.sql("update audit_chain set chain_seq = 2 where practice_id = :p and chain_seq = 3")
                    .param("p", practice.value()).update();
            jdbc.sql("update audit_chain set chain_seq = 3 where practice_id = :p and chain_seq = -1")
                    .param("p", practice.value()).update();
        });

        ChainVerification result = chain.verify(practice);
        assertThat(result.intact()).isFalse();
        assertThat(result.problems()).anyMatch(p -> p.contains("does not follow"));
    }

    @Test
    void verifierDetectsAChainRewrittenFromTheTamperedRowOnThroughItsSignedCheckpoint() {
        PracticeId practice = practiceWithEvents(4);
        withoutGuards(() -> {
            jdbc.sql("""
                    update audit_event set action = 'nothing.happened'
                     where id = (select event_id from audit_chain where practice_id = :p and chain_seq = 1)""")
                    .param("p", practice.value()).update();
            // The attacker recomputes every hash after the change, and the head, to make the chain look whole.
            String previous = ChainHashing.GENESIS;
            List<UUID> events = jdbc.sql("select event_id from audit_chain where practice_id = :p order by chain_seq")
                    .param("p", practice.value()).query(UUID.class).list();
            long seq = 0;
            for (UUID event : events) {
                seq++;
                StoredAuditEvent stored = jdbc.sql("select * from audit_event where id = :e").param("e", event)
                        .query(StoredAuditEvent::map).single();
                String hash = ChainHashing.hash(previous, seq, stored);
                jdbc.sql("update audit_chain set prev_hash = :prev, hash = :hash where event_id = :e")
                        .param("prev", previous).param("hash", hash).param("e", event).update();
                previous = hash;
            }
            jdbc.sql("update audit_chain_head set last_hash = :h where practice_id = :p")
                    .param("h", previous).param("p", practice.value()).update();
        });

        ChainVerification result = chain.verify(practice);
        assertThat(result.intact()).isFalse();
        assertThat(result.problems()).anyMatch(p -> p.contains("differs from its signed checkpoint"));
    }

    @Test
    void concurrentSealersChainEveryRowExactlyOnce() throws Exception {
        PracticeId practice = newPractice();
        Actor actor = adminOf(practice);
        for (int i = 0; i < 200; i++) {
            trail.record(AuditRecord.allowed(actor, PatientId.of(UUID.randomUUID()), "messages.read", "test", i));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 4; i++) {
                futures.add(pool.submit(chain::sealPending));
            }
            for (var f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        ChainVerification result = chain.verify(practice);
        assertThat(result.problems()).isEmpty();
        assertThat(result.rowsChecked()).isEqualTo(200);
    }

    // ------------------------------------------------------------ helpers

    private PracticeId practiceWithEvents(int count) {
        PracticeId practice = newPractice();
        Actor actor = adminOf(practice);
        for (int i = 0; i < count; i++) {
            trail.record(AuditRecord.allowed(actor, PatientId.of(UUID.randomUUID()), "messages.read", "conversation",
                    UUID.randomUUID()));
        }
        chain.sealPending();
        return practice;
    }

    private PracticeId newPractice() {
        return practices.create("audit-" + UUID.randomUUID().toString().substring(0, 8), "Audit test practice",
                ZoneId.of("UTC"), "en").id();
    }

    private static Actor adminOf(PracticeId practice) {
        return new Actor(UserId.random(), practice, Actor.Kind.STAFF, Set.of(StaffRole.PRACTICE_ADMIN), null);
    }

    /** Does what an attacker with the database owner's rights could: lift the append-only guards. */
    private void withoutGuards(Runnable tampering) {
        boolean postgres = isPostgres();
        List<String> tables = List.of("audit_event", "audit_chain", "audit_checkpoint");
        for (String table : tables) {
            jdbc.sql(postgres ? "alter table " + table + " disable trigger user"
                    : "drop trigger " + table + "_append_only").update();
        }
        try {
            tampering.run();
        } finally {
            for (String table : tables) {
                jdbc.sql(postgres ? "alter table " + table + " enable trigger user"
                        : "create trigger " + table + "_append_only before update, delete on " + table
                                + " for each row call 'io.bedside.audit.internal.AppendOnlyTrigger'").update();
            }
        }
    }

    private boolean isPostgres() {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
