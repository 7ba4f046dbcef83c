package io.bedside.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import io.bedside.crypto.MasterKeysets;
import io.bedside.support.Api;
import io.bedside.support.BothDatabases;
import io.bedside.support.Deployment;
import io.bedside.support.TestDatabases;

/**
 * Ready means ready: from a fresh start, the first 200 of the health endpoint (or of its readiness
 * group) comes only once the migrations ran and the demo data is seeded, so a demo sign-in right
 * after it succeeds. (It used to answer 200 while OUT_OF_SERVICE: the custom status mapping had
 * replaced Spring Boot's, which maps it to 503.)
 */
@ExtendWith(OutputCaptureExtension.class)
@BothDatabases
class ReadinessIntegrationTests {

    boolean postgres() {
        return TestDatabases.postgres();
    }

    @Test
    void theFirstHealthyAnswerOfAFreshStartIsFollowedByASuccessfulDemoSignIn(@TempDir Path dir) throws Exception {
        for (String probe : new String[] {"/actuator/health", "/actuator/health/readiness", "/actuator/health"}) {
            try (Deployment deployment = Deployment.on(postgres(), dir.resolve(probe.length() + "-" + System.nanoTime()))) {
                java.nio.file.Files.createDirectories(deployment.masterKeyset().getParent());
                MasterKeysets.writeNew(deployment.masterKeyset());
                int port = Deployment.freePort();
                Api api = new Api("http://127.0.0.1:" + port);
                CompletableFuture<ConfigurableApplicationContext> starting = CompletableFuture.supplyAsync(
                        () -> deployment.serve(port, "--bedside.demo=true"));
                try {
                    int polls = 0;
                    while (status(api, probe) != 200) {
                        assertThat(starting).as("started without ever answering 200").isNotCompletedExceptionally();
                        polls++;
                        Thread.sleep(5);
                    }
                    Api.Response signIn = api.post("/api/v1/auth/token")
                            .json(Map.of("username", "alice@patients.example", "password", "demo-password")).send();
                    assertThat(signIn.status()).as("sign-in right after the first 200 of " + probe + " (after " + polls
                            + " polls)").isEqualTo(200);
                } finally {
                    starting.get().close();
                }
            }
        }
    }

    private static int status(Api api, String path) {
        try {
            return api.get(path).send().status();
        } catch (IllegalStateException notListeningYet) {
            return 0;
        }
    }
}
