package io.bedside.web;

import static io.bedside.web.ForwardedForIntegrationTests.ADDRESS_LIMIT;
import static io.bedside.web.ForwardedForIntegrationTests.attempt;
import static io.bedside.web.ForwardedForIntegrationTests.forgedAddress;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;

/** Bedside's default trusts no proxy: a forged {@code X-Forwarded-For}, even from loopback, changes nothing. */
@TestPropertySource(properties = "bedside.trusted-proxies=")
class UntrustedForwardedForIntegrationTests extends ApplicationTest {

    @Test
    void aForgedForwardedForFromALoopbackPeerIsCountedUnderThePeer() {
        // Each failure names another client; all come from this one loopback peer.
        for (int i = 0; i < ADDRESS_LIMIT; i++) {
            assertThat(attempt(api, "forged-" + UUID.randomUUID() + "@example.org", "wrong", forgedAddress())
                    .status()).isEqualTo(401);
        }

        Api.Response next = attempt(api, "bob@patients.example", "demo-password", forgedAddress());

        assertThat(next.status()).isEqualTo(429);
        assertThat(next.contentType()).startsWith("application/problem+json");
    }
}
