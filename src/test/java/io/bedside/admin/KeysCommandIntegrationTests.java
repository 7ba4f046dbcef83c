package io.bedside.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import io.bedside.BedsideApplication;
import io.bedside.support.Api;
import io.bedside.support.BothDatabases;
import io.bedside.support.Deployment;
import io.bedside.support.TestDatabases;

/**
 * The key commands as an operator runs them: a master keyset made from nothing; a practice's data
 * key rotated (old ciphertexts still open, new ones use the new key), its ciphertexts re-encrypted
 * under it, and every practice keyset re-wrapped under a new master keyset; all audited.
 */
@ExtendWith(OutputCaptureExtension.class)
@BothDatabases
class KeysCommandIntegrationTests {

    @TempDir
    Path dir;

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
    void generateWritesAPrivateKeysetWithoutADatabaseOrKeysetAndNeverOverwrites(CapturedOutput output) throws Exception {
        Path keyset = dir.resolve("master-keyset.json");
        boolean dataBefore = Files.exists(Path.of("data"));

        int out = output.getOut().length();
        assertThat(BedsideApplication.launch("--spring.main.web-application-type=none",
                "--bedside.keys.generate=" + keyset)).isZero();
        assertThat(output.getOut().substring(out)).contains("Master keyset written to " + keyset);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyset))).isEqualTo("rw-------");
        assertThat(Files.readString(keyset)).contains("AesGcmKey").contains("\"primaryKeyId\"");
        assertThat(Files.exists(Path.of("data"))).as("no ./data made by the command").isEqualTo(dataBefore);

        String written = Files.readString(keyset);
        int err = output.getErr().length();
        assertThat(BedsideApplication.launch("--bedside.keys.generate=" + keyset)).isEqualTo(2);
        assertThat(output.getErr().substring(err)).contains("already exists").contains("never overwritten");
        assertThat(Files.readString(keyset)).isEqualTo(written);
        assertThat(BedsideApplication.launch("--bedside.keys.generate=" + dir.resolve("missing/keyset.json"))).isEqualTo(2);
        assertThat(BedsideApplication.launch("--bedside.keys.generate=")).isEqualTo(2);
    }

    @Test
    void rotationKeepsOldDataReadableAndReencryptionAndRewrapLeaveEverythingReadable(CapturedOutput output) {
        assertThat(deployment.run(output, "--bedside.keys.generate=" + deployment.masterKeyset()).exitCode()).isZero();
        int port = Deployment.freePort();
        Api api = new Api("http://127.0.0.1:" + port);
        String conversation;
        try (ConfigurableApplicationContext node = deployment.serve(port, "--bedside.demo=true", "--bedside.demo.office-hours=false")) {
            String alice = api.signIn("alice@patients.example", "demo-password");
            String team = api.get("/api/v1/care-teams").token(alice).send().json().get("items").get(0).get("id").asString();
            Api.Response started = api.post("/api/v1/conversations").token(alice)
                    .json(Map.of("careTeamId", team, "subject", "Before the rotation", "body", "written under the first key"))
                    .send();
            assertThat(started.status()).isEqualTo(201);
            conversation = started.json().get("id").asString();
        }
        int firstKey = keyOfMessage(conversation, 1);
        Map<String, Integer> lakesideBefore = keyIds("lakeside");

        Deployment.Outcome rotated = deployment.run(output, "--bedside.keys.rotate=riverside");
        assertThat(rotated.exitCode()).isZero();
        assertThat(rotated.out()).containsPattern("riverside: new data key \\d+ \\(the keyset holds 2 keys\\)");

        try (ConfigurableApplicationContext node = deployment.serve(port, "--bedside.demo=true", "--bedside.demo.office-hours=false")) {
            String alice = api.signIn("alice@patients.example", "demo-password");
            assertThat(bodies(api, alice, conversation)).containsExactly("written under the first key");
            assertThat(api.post("/api/v1/conversations/" + conversation + "/messages").token(alice)
                    .json(Map.of("body", "written under the second key")).send().status()).isEqualTo(201);
        }
        int secondKey = keyOfMessage(conversation, 2);
        assertThat(secondKey).isNotEqualTo(firstKey);
        assertThat(keyOfMessage(conversation, 1)).isEqualTo(firstKey);

        Deployment.Outcome reencrypted = deployment.run(output, "--bedside.keys.reencrypt=riverside",
                "--bedside.keys.reencrypt-batch-size=2");
        assertThat(reencrypted.exitCode()).isZero();
        assertThat(reencrypted.out()).contains("riverside: re-encrypted under key").contains("message.body_ciphertext")
                .contains("patient.roster_ciphertext").contains("attachment.filename_ciphertext");
        assertThat(keyIds("riverside").values()).containsOnly(secondKey);
        assertThat(keyIds("lakeside")).isEqualTo(lakesideBefore);
        // Again: nothing left to rewrite.
        assertThat(deployment.run(output, "--bedside.keys.reencrypt=riverside").out())
                .contains("message.body_ciphertext 0");

        Path newMaster = dir.resolve("master-keyset-2.json");
        assertThat(deployment.run(output, "--bedside.keys.generate=" + newMaster).exitCode()).isZero();
        Deployment.Outcome rewrapped = deployment.run(output, "--bedside.keys.rewrap=" + newMaster);
        assertThat(rewrapped.exitCode()).isZero();
        // Both demo practices have a keyset: the demo roster's tags and last visits are encrypted.
        assertThat(rewrapped.out()).contains("Re-wrapped 2 practice keyset(s)");
        deployment.useMasterKeyset(newMaster);

        try (ConfigurableApplicationContext node = deployment.serve(port, "--bedside.demo=true", "--bedside.demo.office-hours=false")) {
            String alice = api.signIn("alice@patients.example", "demo-password");
            assertThat(bodies(api, alice, conversation))
                    .containsExactly("written under the first key", "written under the second key");
            // Roster tags, re-encrypted under the new data key, wrapped under the new master key: still selected by.
            String admin = api.signIn(io.bedside.support.Demo.RIVERSIDE_ADMIN, "demo-password");
            assertThat(api.post("/api/v1/campaigns/preview").token(admin)
                    .json(Map.of("cohort", Map.of("tags", List.of("diabetes")))).send().json().get("count").asInt())
                    .isEqualTo(2);
        }
        assertThat(deployment.jdbc().sql("""
                select p.slug || ' ' || e.actor_kind || ' ' || e.action from audit_event e join practice p on p.id = e.practice_id
                 where e.action like 'keys.%' order by e.occurred_at, p.slug""").query(String.class).list())
                .containsExactly("riverside SYSTEM keys.rotated", "riverside SYSTEM keys.reencrypted",
                        "riverside SYSTEM keys.reencrypted", "lakeside SYSTEM keys.rewrapped",
                        "riverside SYSTEM keys.rewrapped");
        assertThat(deployment.run(output, "--bedside.audit.verify=all").exitCode()).isZero();
    }

    @Test
    void anUnknownPracticeOrAMissingKeysetExitsTwoAndChangesNothing(CapturedOutput output) {
        assertThat(deployment.run(output, "--bedside.keys.generate=" + deployment.masterKeyset()).exitCode()).isZero();
        assertThat(deployment.run(output, "--bedside.setup.practice=Hillview Clinic", "--bedside.setup.time-zone=America/Chicago",
                "--bedside.setup.admin-email=ops@hillview.example", "--bedside.setup.admin-name=Dana Ortiz").exitCode()).isZero();
        long rows = deployment.totalRows();

        Deployment.Outcome unknown = deployment.run(output, "--bedside.keys.rotate=nowhere");
        Deployment.Outcome missing = deployment.run(output, "--bedside.keys.rewrap=" + dir.resolve("absent.json"));
        Deployment.Outcome alone = deployment.run(output, "--bedside.keys.reencrypt=true");

        assertThat(List.of(unknown.exitCode(), missing.exitCode(), alone.exitCode())).containsOnly(2);
        assertThat(unknown.err()).contains("No practice has the slug 'nowhere'");
        assertThat(missing.err()).contains("There is no readable keyset at");
        assertThat(deployment.totalRows()).isEqualTo(rows);
    }

    /** The Tink key id of every riverside or lakeside ciphertext, by table, column and row. */
    private Map<String, Integer> keyIds(String slug) {
        var jdbc = deployment.jdbc();
        Map<String, Integer> ids = new java.util.TreeMap<>();
        for (String[] column : new String[][] {{"message", "body_ciphertext"}, {"conversation", "subject_ciphertext"},
                {"conversation", "details_ciphertext"}}) {
            jdbc.sql("select t.id, t." + column[1] + " from " + column[0] + " t join practice p on p.id = t.practice_id"
                    + " where p.slug = :slug and t." + column[1] + " is not null")
                    .param("slug", slug)
                    .query((rs, n) -> Map.entry(column[0] + "." + column[1] + "." + rs.getString(1), keyId(rs.getBytes(2))))
                    .list().forEach(e -> ids.put(e.getKey(), e.getValue()));
        }
        return ids;
    }

    private int keyOfMessage(String conversation, int seq) {
        return deployment.jdbc().sql("select body_ciphertext from message where conversation_id = :c and seq = :seq")
                .param("c", java.util.UUID.fromString(conversation)).param("seq", seq)
                .query((rs, n) -> keyId(rs.getBytes(1))).single();
    }

    private static int keyId(byte[] ciphertext) {
        return ByteBuffer.wrap(ciphertext, 1, 4).getInt();
    }

    private static List<String> bodies(Api api, String token, String conversation) {
        Api.Response messages = api.get("/api/v1/conversations/" + conversation + "/messages").token(token).send();
        assertThat(messages.status()).isEqualTo(200);
        List<String> bodies = new java.util.ArrayList<>();
        messages.json().get("items").forEach(m -> bodies.add(m.get("body").asString()));
        return bodies;
    }
}
