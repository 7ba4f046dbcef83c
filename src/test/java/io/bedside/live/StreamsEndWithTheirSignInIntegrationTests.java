package io.bedside.live;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.PATEL;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import io.bedside.identity.internal.TokenHashes;
import io.bedside.shared.Timestamps;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import io.bedside.support.PageSession;
import io.bedside.support.SseClient;

/**
 * An open event stream lasts only as long as what it was opened with. Revoking the token, signing
 * out, or disabling the account ends it at once on this node; a token revoked on another node
 * (straight in the database here) or a session left idle ends it at the next heartbeat. Nothing
 * is delivered on it after.
 */
@TestPropertySource(properties = {"bedside.live.heartbeat=8s", "bedside.web.session.staff-idle=3s"})
@BothDatabases
class StreamsEndWithTheirSignInIntegrationTests extends ApplicationTest {

    /** Well under the heartbeat: only the ending itself can have closed the stream this soon. */
    private static final Duration AT_ONCE = Duration.ofSeconds(3);
    private static final Duration NEXT_BEAT = Duration.ofSeconds(20);

    @Test
    void revokingTheTokenEndsItsStreamAtOnceAndLeavesTheOtherDevice() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Streams", "Hello");
        String revoked = tokenFor(ALICE);
        try (SseClient phone = SseClient.open(api, revoked); SseClient laptop = SseClient.open(api, tokenFor(ALICE))) {
            assertThat(api.delete("/api/v1/auth/token").token(revoked).send().status()).isEqualTo(204);

            assertEnds(phone, AT_ONCE);
            String reply = demo.send(PATEL, id, "After the sign-out").json().get("id").asString();
            laptop.await(e -> e.data().contains(reply), Duration.ofSeconds(10));
            assertThat(phone.received()).noneMatch(e -> e.data().contains(id));
            assertThat(phone.received()).anyMatch(e -> e.name().equals("signed-out"));
        }
    }

    @Test
    void aTokenRevokedOnAnotherNodeEndsItsStreamAtTheNextHeartbeat() {
        String token = tokenFor(ALICE);
        try (SseClient stream = SseClient.open(api, token)) {
            // Another node revoked it: the row changed, and no event reached this node.
            jdbc.sql("update api_token set revoked_at = :now where token_hash = :hash")
                    .param("now", Timestamps.toDb(Instant.now())).param("hash", TokenHashes.sha256(token)).update();

            assertEnds(stream, NEXT_BEAT);
        }
    }

    @Test
    void disablingTheAccountEndsItsStreamsAtOnce() {
        String kim = demo.me(KIM).get("id").asString();
        PageSession admin = PageSession.signedIn(api.base(), RIVERSIDE_ADMIN);
        admin.get("/app/admin/staff");
        try (SseClient stream = SseClient.open(api, tokenFor(KIM))) {
            assertThat(admin.post("/app/admin/staff/" + kim + "/disable", Map.of()).status()).isEqualTo(302);

            assertEnds(stream, AT_ONCE);
        } finally {
            // Staff sessions idle out after 3 seconds here: the admin signs in again.
            PageSession again = PageSession.signedIn(api.base(), RIVERSIDE_ADMIN);
            again.get("/app/admin/staff");
            assertThat(again.post("/app/admin/staff/" + kim + "/enable", Map.of()).status()).isEqualTo(302);
        }
    }

    @Test
    void signingOutEndsTheBrowserSessionsStreamAtOnce() {
        PageSession alice = PageSession.signedIn(api.base(), ALICE);
        alice.get("/app/settings/security");
        try (SseClient stream = SseClient.openWithCookies(api, alice.cookieHeader())) {
            assertThat(alice.post("/logout", Map.of()).status()).isEqualTo(302);

            assertEnds(stream, AT_ONCE);
        }
    }

    @Test
    void anIdleBrowserSessionsStreamEndsWithTheSession() throws InterruptedException {
        PageSession kim = PageSession.signedIn(api.base(), KIM);
        try (SseClient stream = SseClient.openWithCookies(api, kim.cookieHeader())) {
            Thread.sleep(1000);
            assertThat(stream.isOpen()).as("open while the session is").isTrue();

            // Staff sessions idle out after 3 seconds here; the stream is not activity.
            assertEnds(stream, NEXT_BEAT);
        }
    }

    private static void assertEnds(SseClient stream, Duration within) {
        Instant deadline = Instant.now().plus(within);
        while (stream.isOpen() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(stream.isOpen()).as("stream still open after " + within).isFalse();
    }
}
