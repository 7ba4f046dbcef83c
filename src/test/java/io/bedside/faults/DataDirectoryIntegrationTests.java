package io.bedside.faults;

import static io.bedside.support.Demo.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.bedside.BedsideApplication;
import io.bedside.support.Api;
import io.bedside.support.ChildNode;
import io.bedside.support.Demo;
import io.bedside.support.SmallFileSystem;

/**
 * The embedded default (H2 in a file under {@code bedside.data-dir}) on a data directory that is
 * read-only or fills up, made with a small tmpfs (so as root; skipped where mounting is not
 * allowed): a start says which directory and what to do in a line, and a full disk refuses writes
 * with a problem the client can act on while what was written stays readable.
 */
class DataDirectoryIntegrationTests {

    @TempDir
    Path logs;

    @Test
    void aReadOnlyDataDirectoryStopsTheStartWithALineSayingWhichAndWhatToDo() {
        try (SmallFileSystem readOnly = SmallFileSystem.mount("1m", true)) {
            Path dataDir = readOnly.path().resolve("data");

            ChildNode.Exit exit = ChildNode.startExpectingExit(logs, "read-only",
                    List.of("--bedside.data-dir=" + dataDir));

            assertThat(exit.code()).as(exit.output()).isNotZero();
            assertThat(exit.output()).contains("Bedside cannot write to its data directory " + dataDir
                    + " (Read-only file system)").contains("BEDSIDE_DATA_DIR");
            assertThat(exit.output().lines().filter(l -> l.startsWith("\tat ")))
                    .as("stack trace lines in what the operator sees").isEmpty();
        }
    }

    @Test
    void aFullDiskRefusesWritesWithAProblemAndWhatWasWrittenStaysReadable() throws IOException {
        try (SmallFileSystem small = SmallFileSystem.mount("48m", false);
                ConfigurableApplicationContext node = new SpringApplicationBuilder(BedsideApplication.class).run(
                        "--server.port=0", "--bedside.data-dir=" + small.path().resolve("data"),
                        "--bedside.notification.dispatch-interval=1h", "--bedside.outreach.tick=1h",
                        "--bedside.workflow.overdue-check=1h")) {
            Api api = new Api("http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port"));
            Demo demo = new Demo(api);
            String conversation = demo.startAsPatient(ALICE, "Dr. Patel", "Disk", "Written before the disk filled");
            String before = demo.send(ALICE, conversation, "also before").json().get("id").asString();

            Path filler = small.path().resolve("filler");
            fill(filler);
            List<Api.Response> refused = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                refused.add(demo.send(ALICE, conversation, "x".repeat(20_000)));
            }
            Files.delete(filler);

            assertThat(refused).as("sends while the disk is full").allSatisfy(r -> {
                assertThat(r.status()).as(r.toString()).isEqualTo(507);
                assertThat(r.header("Retry-After")).isNotBlank();
                assertThat(r.contentType()).startsWith("application/problem+json");
            });
            // As a client does: a 503 or 507 says when to try again.
            Api.Response read = retryingAsTold(() -> api.get("/api/v1/conversations/" + conversation + "/messages")
                    .token(demo.token(ALICE)).send());
            assertThat(read.status()).as("reading after space was freed: " + read).isEqualTo(200);
            assertThat(read.json().get("items").findValues("id").stream().map(n -> n.asString()))
                    .as("what was written before").contains(before);
            Api.Response after = retryingAsTold(() -> demo.send(ALICE, conversation, "after space was freed"));
            assertThat(after.status()).as(after.toString()).isEqualTo(201);
        }
    }

    private static Api.Response retryingAsTold(java.util.function.Supplier<Api.Response> call) {
        Api.Response r = call.get();
        for (int i = 0; i < 12 && (r.status() == 503 || r.status() == 507); i++) {
            try {
                Thread.sleep(Long.parseLong(r.header("Retry-After")) * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            r = call.get();
        }
        return r;
    }

    /** Writes until the file system is full. */
    private static void fill(Path filler) {
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // No space left on device: the point.
        }
    }
}
