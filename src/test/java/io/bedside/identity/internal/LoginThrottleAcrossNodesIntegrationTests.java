package io.bedside.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.bedside.identity.AuthProperties;
import io.bedside.shared.TooManyRequestsException;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import io.bedside.support.Race;

/**
 * Two nodes share one database and so one throttle: each test builds two {@link LoginThrottle}s, as
 * two nodes would have, over the application's database.
 */
@BothDatabases
class LoginThrottleAcrossNodesIntegrationTests extends ApplicationTest {

    @Autowired
    AuthProperties properties;

    @Autowired
    Clock clock;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void failuresOnOneNodeCountOnTheOther() {
        LoginThrottle first = node(properties);
        LoginThrottle second = node(properties);
        String account = "nodes-" + UUID.randomUUID() + "@example.org";
        for (int i = 0; i < 5; i++) {
            first.attempt(account, address()).close();
            second.attempt(account, address()).close();
        }

        assertThatThrownBy(() -> first.attempt(account, address())).isInstanceOf(TooManyRequestsException.class);
        assertThatThrownBy(() -> second.attempt(account, address())).isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void aRightPasswordOnOneNodeClearsTheAccountOnTheOther() {
        LoginThrottle first = node(properties);
        LoginThrottle second = node(properties);
        String account = "nodes-" + UUID.randomUUID() + "@example.org";
        for (int i = 0; i < 9; i++) {
            first.attempt(account, address()).close();
        }
        try (LoginThrottle.Attempt right = second.attempt(account, address())) {
            right.succeeded();
        }

        for (int i = 0; i < 10; i++) {
            first.attempt(account, address()).close();
        }
        assertThatThrownBy(() -> second.attempt(account, address())).isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void aBurstSpreadOverTwoNodesIsCountedExactlyToTheLimit() throws Exception {
        // No bound on waiting checks here, so that every one of the 40 reaches the count.
        var unbounded = new AuthProperties(properties.tokenTtl(), properties.maxFailuresPerAccount(),
                properties.maxFailuresPerAddress(), properties.failureWindow(), properties.maxConcurrentHashes(), 100, 100);
        List<LoginThrottle> nodes = List.of(node(unbounded), node(unbounded));
        String account = "nodes-" + UUID.randomUUID() + "@example.org";
        List<Callable<Integer>> burst = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            LoginThrottle node = nodes.get(i % 2);
            String address = address();
            burst.add(() -> {
                try (LoginThrottle.Attempt attempt = node.attempt(account, address)) {
                    return 1;
                } catch (TooManyRequestsException e) {
                    return 0;
                }
            });
        }

        List<Integer> counted = Race.statuses(burst);

        assertThat(counted.stream().mapToInt(Integer::intValue).sum()).isEqualTo(properties.maxFailuresPerAccount());
    }

    private LoginThrottle node(AuthProperties limits) {
        return new LoginThrottle(limits, clock, new SignInAttemptRows(jdbc), transactions,
                new SignInMeters(new SimpleMeterRegistry()));
    }

    private static String address() {
        var r = java.util.concurrent.ThreadLocalRandom.current();
        return "192.0.2." + r.nextInt(1, 255) + "-" + UUID.randomUUID();
    }
}
