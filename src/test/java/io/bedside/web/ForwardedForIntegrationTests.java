package io.bedside.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;

/**
 * Who the client is, as the sign-in throttle counts it: the peer's own address, unless the peer is
 * a proxy the operator named in {@code bedside.trusted-proxies}; only then does its
 * {@code X-Forwarded-For} say who the client is. The tests' application names the loopback proxy
 * (TestDatabases), as an operator with a local proxy would; {@link UntrustedForwardedForIntegrationTests}
 * runs with the default, which names none.
 */
class ForwardedForIntegrationTests extends ApplicationTest {

    static final int ADDRESS_LIMIT = 30;

    @Test
    void theForwardedAddressCountsWhenThePeerIsATrustedProxy() {
        String client = forgedAddress();
        failFromOneAddress(api, client);

        assertThat(attempt(api, "bob@patients.example", "demo-password", client).status()).isEqualTo(429);
        // The throttled address is the forwarded one, not the proxy's: another client behind it goes on.
        assertThat(attempt(api, "bob@patients.example", "demo-password", forgedAddress()).status()).isEqualTo(200);
    }

    private static void failFromOneAddress(Api api, String address) {
        for (int i = 0; i < ADDRESS_LIMIT; i++) {
            assertThat(attempt(api, "spray-" + UUID.randomUUID() + "@example.org", "wrong", address).status())
                    .isEqualTo(401);
        }
    }

    static Api.Response attempt(Api api, String username, String password, String address) {
        return api.post("/api/v1/auth/token").header("X-Forwarded-For", address)
                .json(Map.of("username", username, "password", password)).send();
    }

    static String forgedAddress() {
        var r = ThreadLocalRandom.current();
        return "198.18." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }
}
