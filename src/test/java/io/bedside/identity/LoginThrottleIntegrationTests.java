package io.bedside.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.bedside.shared.PracticeId;
import io.bedside.shared.StaffRole;

import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;

/**
 * Failed sign-ins are throttled per username and per client address. Each test signs in from
 * its own address (X-Forwarded-For from the loopback proxy) so tests cannot throttle each other.
 */
class LoginThrottleIntegrationTests extends ApplicationTest {

    @Autowired
    Accounts accounts;

    /** A fresh account, so that throttling it cannot disturb other tests sharing the application. */
    private String newStaffAccount() {
        String email = "throttle-" + UUID.randomUUID() + "@riverside.example";
        UUID practice = jdbc.sql("select id from practice where slug = 'riverside'").query(UUID.class).single();
        var nurse = accounts.createStaff(PracticeId.of(practice), email, "demo-password", "Test Nurse", StaffRole.NURSE, null);
        // The password throttle is what is tested here; the second step has its own tests (TwoStepSignInIntegrationTests).
        accounts.exemptFromTwoStep(nurse.id());
        return email;
    }

    @Test
    void tenFailuresForOneAccountThrottleItEvenWithTheRightPassword() {
        String nurse = newStaffAccount();
        String address = randomAddress();
        for (int i = 0; i < 10; i++) {
            assertThat(attempt(nurse, "wrong-password-" + i, address).status()).isEqualTo(401);
        }

        Api.Response throttled = attempt(nurse, "demo-password", randomAddress());

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.contentType()).startsWith("application/problem+json");
        long retryAfter = Long.parseLong(throttled.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 15 * 60L);
        assertThat(throttled.json().get("retryAfterSeconds").asLong()).isEqualTo(retryAfter);
        // Another account is not affected.
        assertThat(attempt("dr.patel@riverside.example", "demo-password", randomAddress()).status()).isEqualTo(200);
    }

    @Test
    void unknownAccountsAreThrottledExactlyLikeRealOnes() {
        String ghost = "ghost-" + UUID.randomUUID() + "@example.org";
        for (int i = 0; i < 10; i++) {
            assertThat(attempt(ghost, "whatever-" + i, randomAddress()).status()).isEqualTo(401);
        }
        assertThat(attempt(ghost, "whatever", randomAddress()).status()).isEqualTo(429);
    }

    @Test
    void manyFailuresFromOneAddressThrottleThatAddress() {
        String address = randomAddress();
        for (int i = 0; i < 30; i++) {
            String username = "spray-" + i + "-" + UUID.randomUUID() + "@example.org";
            assertThat(attempt(username, "password-" + i, address).status()).isEqualTo(401);
        }

        assertThat(attempt("bob@patients.example", "demo-password", address).status()).isEqualTo(429);
        assertThat(attempt("bob@patients.example", "demo-password", randomAddress()).status()).isEqualTo(200);
    }

    @Test
    void successClearsTheAccountsFailures() {
        String nurse = newStaffAccount();
        String address = randomAddress();
        for (int i = 0; i < 9; i++) {
            attempt(nurse, "wrong-" + i, address);
        }
        assertThat(attempt(nurse, "demo-password", address).status()).isEqualTo(200);
        assertThat(attempt(nurse, "wrong-again", randomAddress()).status()).isEqualTo(401);
        assertThat(attempt(nurse, "demo-password", randomAddress()).status()).isEqualTo(200);
    }

    private Api.Response attempt(String username, String password, String address) {
        return api.post("/api/v1/auth/token").header("X-Forwarded-For", address)
                .json(Map.of("username", username, "password", password)).send();
    }

    private static String randomAddress() {
        var r = java.util.concurrent.ThreadLocalRandom.current();
        return "198.51." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }
}
