package io.bedside.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
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

import io.bedside.support.Api;
import io.bedside.support.BothDatabases;
import io.bedside.support.Deployment;
import io.bedside.support.TestDatabases;

/**
 * {@code --bedside.search.reindex} as an operator runs it: the practice gets a new search key, its
 * index is rebuilt under it and the old key is destroyed; what was found before is found after,
 * also once every key is re-wrapped under a new master keyset; an unknown slug changes nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
@BothDatabases
class SearchReindexCommandIntegrationTests {

    @TempDir
    Path dir;

    Deployment deployment;

    @BeforeEach
    void deployment() {
        deployment = Deployment.on(TestDatabases.postgres(), dir);
    }

    @AfterEach
    void dropDatabase() {
        deployment.close();
    }

    @Test
    void theIndexIsRebuiltUnderANewKeyAndStillFindsEverythingAlsoAfterARewrap(CapturedOutput output) {
        assertThat(deployment.run(output, "--bedside.keys.generate=" + deployment.masterKeyset()).exitCode()).isZero();
        int port = Deployment.freePort();
        Api api = new Api("http://127.0.0.1:" + port);
        String conversation;
        try (ConfigurableApplicationContext node = serve(port)) {
            String alice = api.signIn("alice@patients.example", "demo-password");
            String team = api.get("/api/v1/care-teams").token(alice).send().json().get("items").get(0).get("id")
                    .asString();
            Api.Response started = api.post("/api/v1/conversations").token(alice)
                    .json(Map.of("careTeamId", team, "subject", "Rash cream", "body", "Rash on my arm")).send();
            assertThat(started.status()).isEqualTo(201);
            conversation = started.json().get("id").asString();
            assertThat(found(api, alice, "rashes")).containsExactly(conversation);
        }
        assertThat(searchKeyVersions()).containsExactly(1);
        long rows = tokenRows();

        Deployment.Outcome unknown = deployment.run(output, "--bedside.search.reindex=nowhere");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("No practice has the slug 'nowhere'");
        assertThat(searchKeyVersions()).containsExactly(1);

        Deployment.Outcome rebuilt = deployment.run(output, "--bedside.search.reindex=riverside",
                "--bedside.search.reindex-settle=PT0S", "--bedside.search.reindex-batch-size=1");
        assertThat(rebuilt.exitCode()).isZero();
        assertThat(rebuilt.out()).contains("riverside: search key 2, 1 messages indexed");
        assertThat(searchKeyVersions()).as("the old key is destroyed").containsExactly(2);
        assertThat(tokenRows()).isEqualTo(rows);

        Path newMaster = dir.resolve("master-keyset-2.json");
        assertThat(deployment.run(output, "--bedside.keys.generate=" + newMaster).exitCode()).isZero();
        assertThat(deployment.run(output, "--bedside.keys.rewrap=" + newMaster).exitCode()).isZero();
        deployment.useMasterKeyset(newMaster);

        try (ConfigurableApplicationContext node = serve(port)) {
            String alice = api.signIn("alice@patients.example", "demo-password");
            assertThat(found(api, alice, "ras arm")).containsExactly(conversation);
            String patel = api.signIn("dr.patel@riverside.example", "demo-password");
            assertThat(found(api, patel, "cream")).containsExactly(conversation);
        }
        assertThat(deployment.jdbc().sql("""
                select p.slug || ' ' || e.actor_kind || ' ' || e.action from audit_event e
                  join practice p on p.id = e.practice_id where e.action = 'search.reindexed'""")
                .query(String.class).list()).containsExactly("riverside SYSTEM search.reindexed");
    }

    private ConfigurableApplicationContext serve(int port) {
        return deployment.serve(port, "--bedside.demo=true", "--bedside.demo.office-hours=false");
    }

    private static List<String> found(Api api, String token, String q) {
        Api.Response answer = api.get("/api/v1/search?q=" + q.replace(" ", "%20")).token(token).send();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        answer.json().get("items").forEach(i -> ids.add(i.get("conversation").get("id").asString()));
        return ids;
    }

    private List<Integer> searchKeyVersions() {
        return deployment.jdbc().sql("""
                select k.version from crypto_search_key k join practice p on p.id = k.practice_id
                 where p.slug = 'riverside' order by k.version""").query(Integer.class).list();
    }

    private long tokenRows() {
        return deployment.jdbc().sql("select count(*) from message_search_token").query(Long.class).single();
    }
}
