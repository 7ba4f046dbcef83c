package io.bedside.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
 * {@code --bedside.analytics.rebuild} as an operator runs it: an unknown slug changes nothing and
 * exits 2; {@code all} counts the conversations analytics lost, once, and each practice's chain
 * records the rebuild.
 */
@ExtendWith(OutputCaptureExtension.class)
@BothDatabases
class AnalyticsRebuildCommandIntegrationTests {

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
    void lostRowsAreCountedAgainOnceAndTheRebuildIsAudited(CapturedOutput output) {
        assertThat(deployment.run(output, "--bedside.keys.generate=" + deployment.masterKeyset()).exitCode()).isZero();
        int port = Deployment.freePort();
        Api api = new Api("http://127.0.0.1:" + port);
        try (ConfigurableApplicationContext node = deployment.serve(port, "--bedside.demo=true",
                "--bedside.demo.office-hours=false")) {
            String alice = api.signIn("alice@patients.example", "demo-password");
            String team = api.get("/api/v1/care-teams").token(alice).send().json().get("items").get(0).get("id")
                    .asString();
            assertThat(api.post("/api/v1/conversations").token(alice)
                    .json(Map.of("careTeamId", team, "subject", "Knee", "body", "My knee hurts")).send().status())
                    .isEqualTo(201);
        }
        long counted = conversationRows();
        assertThat(counted).isPositive();
        deployment.jdbc().sql("delete from analytics_wait").update();
        deployment.jdbc().sql("delete from analytics_conversation").update();

        Deployment.Outcome unknown = deployment.run(output, "--bedside.analytics.rebuild=nowhere");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("No practice has the slug 'nowhere'");
        assertThat(conversationRows()).isZero();

        Deployment.Outcome rebuilt = deployment.run(output, "--bedside.analytics.rebuild=all");
        assertThat(rebuilt.exitCode()).isZero();
        assertThat(rebuilt.out()).contains("riverside: ").contains("lakeside: ").contains("counted anew");
        assertThat(conversationRows()).isEqualTo(counted);

        Deployment.Outcome again = deployment.run(output, "--bedside.analytics.rebuild=riverside");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("riverside: ").contains(", 0 counted anew");
        assertThat(conversationRows()).isEqualTo(counted);
        assertThat(deployment.jdbc().sql("""
                select count(*) from audit_event e join practice p on p.id = e.practice_id
                 where e.action = 'analytics.rebuilt' and e.actor_kind = 'SYSTEM' and p.slug = 'riverside'""")
                .query(Long.class).single()).isEqualTo(2);
    }

    private long conversationRows() {
        return deployment.jdbc().sql("select count(*) from analytics_conversation").query(Long.class).single();
    }
}
