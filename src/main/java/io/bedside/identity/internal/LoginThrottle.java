package io.bedside.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.bedside.identity.AuthProperties;
import io.bedside.shared.TooManyRequestsException;

/**
 * Counts failed sign-ins per username and per client address in a sliding window; past the limit
 * the next attempt is refused with 429 before any password is checked. Usernames are counted
 * whether or not they exist, so the throttle reveals nothing about which accounts are real.
 *
 * <p>Counts are kept per node (see docs/security.md): with N nodes an attacker gets at most N
 * times the limit, which still bounds guessing to a few dozen tries an hour.
 */
@Component
public class LoginThrottle {

    private final AuthProperties properties;
    private final Clock clock;
    private final Cache<String, Deque<Instant>> failures;

    LoginThrottle(AuthProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.failures = Caffeine.newBuilder()
                .maximumSize(200_000)
                .expireAfterAccess(properties.failureWindow())
                .build();
    }

    public void check(String username, String address) {
        Instant now = clock.instant();
        Duration wait = max(waitFor("account:" + username, properties.maxFailuresPerAccount(), now),
                waitFor("address:" + address, properties.maxFailuresPerAddress(), now));
        if (!wait.isZero()) {
            throw new TooManyRequestsException(
                    "Too many failed sign-in attempts. Please wait before trying again.", wait);
        }
    }

    public void recordFailure(String username, String address) {
        Instant now = clock.instant();
        add("account:" + username, now);
        add("address:" + address, now);
    }

    public void recordSuccess(String username) {
        failures.invalidate("account:" + username);
    }

    private void add(String key, Instant now) {
        Deque<Instant> times = failures.get(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
        }
    }

    private Duration waitFor(String key, int limit, Instant now) {
        Deque<Instant> times = failures.getIfPresent(key);
        if (times == null) {
            return Duration.ZERO;
        }
        synchronized (times) {
            prune(times, now);
            if (times.size() < limit) {
                return Duration.ZERO;
            }
            // Wait until enough old failures leave the window to bring the count under the limit.
            Instant freedAt = times.stream().skip(times.size() - limit).findFirst().orElse(now)
                    .plus(properties.failureWindow());
            Duration wait = Duration.between(now, freedAt);
            return wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait;
        }
    }

    private void prune(Deque<Instant> times, Instant now) {
        Instant horizon = now.minus(properties.failureWindow());
        while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
            times.removeFirst();
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
