package io.bedside;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.bedside.crypto.AssociatedData;
import io.bedside.crypto.PracticeEncryption;
import io.bedside.patient.CohortCriteria;
import io.bedside.patient.Patients;
import io.bedside.patient.system.SystemPatients;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.support.BothDatabases;
import io.bedside.support.Deployment;
import io.bedside.support.TestDatabases;

/**
 * An upgrade from a version that stored attachment names, roster tags and last visits in clear
 * (schema 8.19): the migrations leave no clear column, the first start encrypts what was stored
 * before it serves anyone, and a second start finds nothing left to do.
 */
@ExtendWith(OutputCaptureExtension.class)
@BothDatabases
class ClearValuesUpgradeIntegrationTests {

    @TempDir
    java.nio.file.Path dir;

    Deployment deployment;

    boolean postgres() {
        return TestDatabases.postgres();
    }

    @BeforeEach
    void deployment() {
        deployment = Deployment.on(postgres(), dir);
    }

    @AfterEach
    void dropDatabase() {
        deployment.close();
    }

    @Test
    void namesTagsAndVisitsStoredInClearBeforeAreEncryptedAtTheFirstStart(CapturedOutput output) {
        assertThat(deployment.run(output, "--bedside.keys.generate=" + deployment.masterKeyset()).exitCode()).isZero();
        var migrations = Flyway.configure().dataSource(deployment.dataSource())
                .locations("classpath:db/migration", "classpath:db/vendor/" + (postgres() ? "postgresql" : "h2"));
        // The schema as the last version before names, tags and visits were encrypted (V8_20, V8_21) left it.
        var lastClear = java.util.Arrays.stream(migrations.load().info().all()).map(m -> m.getVersion())
                .filter(v -> v.isNewerThan("1") && !v.isAtLeast("8.20")).max(java.util.Comparator.naturalOrder()).orElseThrow();
        migrations.target(lastClear).load().migrate();
        JdbcClient jdbc = deployment.jdbc();
        UUID practice = UUID.randomUUID();
        UUID patient = UUID.randomUUID();
        UUID untagged = UUID.randomUUID();
        UUID conversation = UUID.randomUUID();
        UUID message = UUID.randomUUID();
        UUID attachment = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("insert into practice (id, slug, name, time_zone, default_language, created_at) values (?, 'old', 'Old Clinic', 'UTC', 'en', ?)")
                .params(practice, now).update();
        for (UUID id : List.of(patient, untagged)) {
            jdbc.sql("""
                    insert into patient (id, practice_id, external_id, given_name, family_name, birth_date, sex, language,
                                         created_at, tags, last_visit)
                    values (?, ?, ?, 'Pat', 'Old', date '1970-01-01', 'female', 'en', ?, ?, ?)""")
                    .params(id, practice, id.toString(), now, id == patient ? ",diabetes,hiv," : "",
                            id == patient ? LocalDate.of(2024, 5, 6) : null)
                    .update();
        }
        jdbc.sql("""
                insert into conversation (id, practice_id, patient_id, care_team_id, kind, status, priority, subject_ciphertext,
                                          last_seq, last_activity_at, last_public_seq, last_public_activity_at, created_by, created_at)
                values (?, ?, ?, ?, 'QUESTION', 'OPEN', 'ROUTINE', ?, 1, ?, 1, ?, ?, ?)""")
                .params(conversation, practice, patient, UUID.randomUUID(), new byte[] {0}, now, now, UUID.randomUUID(), now)
                .update();
        jdbc.sql("""
                insert into message (id, practice_id, conversation_id, seq, author_id, author_kind, body_ciphertext, internal, created_at)
                values (?, ?, ?, 1, ?, 'PATIENT', ?, false, ?)""")
                .params(message, practice, conversation, UUID.randomUUID(), new byte[] {0}, now).update();
        jdbc.sql("""
                insert into attachment (id, practice_id, conversation_id, message_id, filename, content_type, size_bytes,
                                        content_ciphertext, created_at)
                values (?, ?, ?, ?, 'alice-hiv-test-result.pdf', 'application/pdf', 1, ?, ?)""")
                .params(attachment, practice, conversation, message, new byte[] {0}, now).update();

        try (ConfigurableApplicationContext node = deployment.serve(Deployment.freePort())) {
            PracticeId old = PracticeId.of(practice);
            byte[] name = jdbc.sql("select filename_ciphertext from attachment where id = ?").params(attachment)
                    .query(byte[].class).single();
            assertThat(new String(node.getBean(PracticeEncryption.class).decrypt(old, name,
                    AssociatedData.of("attachment.filename", conversation, attachment)), StandardCharsets.UTF_8))
                    .isEqualTo("alice-hiv-test-result.pdf");
            Patients patients = node.getBean(Patients.class);
            LocalDate today = LocalDate.now();
            SystemPatients cohorts = node.getBean(SystemPatients.class);
            assertThat(cohorts.campaignCohort(old, criteria(List.of("hiv"), null), today))
                    .containsExactly(PatientId.of(patient));
            assertThat(cohorts.campaignCohort(old, criteria(List.of(), LocalDate.of(2024, 5, 6)), today))
                    .containsExactly(PatientId.of(untagged));
            assertThat(patients.rosterByExternalId(old, List.of(patient.toString())).get(patient.toString()).lastVisit())
                    .isEqualTo(LocalDate.of(2024, 5, 6));
        }
        assertThat(jdbc.sql("select count(*) from attachment_filename_clear").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from patient_roster_clear").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                select count(*) from information_schema.columns
                 where lower(table_name) in ('attachment', 'patient') and lower(column_name) in ('filename', 'tags', 'last_visit')""")
                .query(Long.class).single()).isZero();

        // A second start encrypts nothing again: a fresh encryption would give new ciphertext (a new nonce).
        // (Asserted on the stored bytes, not the log: an earlier command-line test in the same JVM may have
        // left logging at WARN.)
        byte[] nameOnce = jdbc.sql("select filename_ciphertext from attachment where id = ?").params(attachment)
                .query(byte[].class).single();
        byte[] rosterOnce = jdbc.sql("select roster_ciphertext from patient where id = ?").params(patient)
                .query(byte[].class).single();
        try (ConfigurableApplicationContext again = deployment.serve(Deployment.freePort())) {
            assertThat(jdbc.sql("select filename_ciphertext from attachment where id = ?").params(attachment)
                    .query(byte[].class).single()).isEqualTo(nameOnce);
            assertThat(jdbc.sql("select roster_ciphertext from patient where id = ?").params(patient)
                    .query(byte[].class).single()).isEqualTo(rosterOnce);
        }
    }

    private static CohortCriteria criteria(List<String> tags, LocalDate lastVisitBefore) {
        return new CohortCriteria(tags, null, null, null, List.of(), lastVisitBefore, null);
    }
}
