package io.bedside.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.bedside.shared.PracticeId;
import io.bedside.shared.StaffRole;
import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import io.bedside.support.PageSession;
import io.bedside.support.Race;

/**
 * Bursts of sign-ins sent at the same moment: the throttle counts each attempt before its
 * password is hashed, so no burst gets more passwords checked than the limit (10 per account,
 * 30 per address); the rest are refused with 429 before any hash is spent.
 */
@BothDatabases
class LoginThrottleConcurrencyIntegrationTests extends ApplicationTest {

    private static final int CHECKED = 401;
    private static final int REFUSED = 429;

    @Autowired
    Accounts accounts;

    @Test
    void aBurstOfWrongPasswordsForOneAccountChecksAtMostTheAccountLimit() throws Exception {
        String nurse = newStaffAccount();
        List<Callable<Integer>> burst = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String password = "wrong-password-" + i;
            // Each from an address of its own: only the account's limit is in play.
            burst.add(() -> answer(attempt(nurse, password, randomAddress())));
        }

        List<Integer> statuses = Race.statuses(burst);

        assertThat(statuses).containsOnly(CHECKED, REFUSED);
        long checked = statuses.stream().filter(s -> s == CHECKED).count();
        assertThat(checked).isBetween(1L, 10L);
        // Those turned away as busy were not counted: unless the burst used up the account's ten
        // tries, its owner still signs in.
        assertThat(attempt(nurse, "demo-password", randomAddress()).status()).isEqualTo(checked < 10 ? 200 : REFUSED);
    }

    @Test
    void aBurstFromOneAddressChecksAtMostTheAddressLimit() throws Exception {
        String address = randomAddress();
        List<Callable<Integer>> burst = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String username = "spray-" + i + "-" + UUID.randomUUID() + "@example.org";
            burst.add(() -> answer(attempt(username, "password", address)));
        }

        List<Integer> statuses = Race.statuses(burst);

        assertThat(statuses).containsOnly(CHECKED, REFUSED);
        assertThat(statuses.stream().filter(s -> s == CHECKED).count()).isBetween(1L, 30L);
        // Someone else, from another address, signs in as ever.
        assertThat(attempt("bob@patients.example", "demo-password", randomAddress()).status()).isEqualTo(200);
    }

    @Test
    void aBurstThroughTheSignInPageChecksAtMostTheAccountLimit() throws Exception {
        String nurse = newStaffAccount();
        List<Callable<Integer>> burst = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            PageSession page = new PageSession(api.base()).from(randomAddress());
            page.get("/login");
            String password = "wrong-password-" + i;
            burst.add(() -> {
                String location = page.post("/login", Map.of("email", nurse, "password", password)).location();
                assertThat(location).matches(".*/login\\?(error|throttled|busy)$");
                return location.endsWith("?error") ? CHECKED : REFUSED;
            });
        }

        List<Integer> statuses = Race.statuses(burst);

        assertThat(statuses.stream().filter(s -> s == CHECKED).count()).isBetween(1L, 10L);
    }

    /** The status, after checking that a refusal is a problem document that says when to retry. */
    private static int answer(Api.Response response) {
        if (response.status() == REFUSED) {
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(Long.parseLong(response.header("Retry-After"))).isPositive();
        }
        return response.status();
    }

    /** A fresh account, so that throttling it cannot disturb other tests sharing the application. */
    private String newStaffAccount() {
        String email = "burst-" + UUID.randomUUID() + "@riverside.example";
        UUID practice = jdbc.sql("select id from practice where slug = 'riverside'").query(UUID.class).single();
        var nurse = accounts.createStaff(PracticeId.of(practice), email, "demo-password", "Test Nurse", StaffRole.NURSE, null);
        accounts.exemptFromTwoStep(nurse.id());
        return email;
    }

    private Api.Response attempt(String username, String password, String address) {
        return api.post("/api/v1/auth/token").header("X-Forwarded-For", address)
                .json(Map.of("username", username, "password", password)).send();
    }

    private static String randomAddress() {
        var r = ThreadLocalRandom.current();
        return "203.0." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }
}
