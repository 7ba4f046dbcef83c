package io.bedside.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.bedside.identity.AuthProperties;
import io.bedside.shared.Timestamps;
import io.bedside.shared.TooManyRequestsException;

/**
 * Counts sign-in attempts per key (a username, a second-step code, a link) and per client address
 * in a sliding window; past the limit an attempt is refused with 429 before anything is checked.
 * Usernames are counted whether or not they exist, so the throttle reveals nothing about which
 * accounts are real.
 *
 * <p>An attempt is counted <em>before</em> its password is hashed, under a row lock in the
 * database ({@link SignInAttemptRows}): a burst sent at once, to one node or to several, gets at most
 * the limit checked. A right answer then clears the key's count and gives back its address slot.
 * On each node at most a few attempts per key and per address may wait for a hash at once; more
 * are told that sign-in is busy ({@link SignInBusyException}) without being counted.
 */
@Component
public class LoginThrottle {

    private final AuthProperties properties;
    private final Clock clock;
    private final SignInAttemptRows attempts;
    private final TransactionTemplate transaction;
    private final PendingChecks pending = new PendingChecks();
    private final SignInMeters meters;

    LoginThrottle(AuthProperties properties, Clock clock, SignInAttemptRows attempts,
            PlatformTransactionManager transactions, SignInMeters meters) {
        this.meters = meters;
        this.properties = properties;
        this.clock = clock;
        this.attempts = attempts;
        // The caller's transaction when there is one (a reset, a change of password), else a short one
        // of its own. Never a second connection while the caller holds one: a burst of such callers
        // would take the whole pool and wait for it forever.
        this.transaction = new TransactionTemplate(transactions);
    }

    /** One attempt, counted, whose check is about to run; close it when the check is done. */
    public final class Attempt implements AutoCloseable {

        private final String key;
        private final String address;
        private final Reservation reservation;
        private boolean succeeded;

        private Attempt(String key, String address, Reservation reservation) {
            this.key = key;
            this.address = address;
            this.reservation = reservation;
        }

        /** The answer was right: the key's failures are forgiven and the address's slot given back. */
        public void succeeded() {
            transaction.executeWithoutResult(status -> {
                attempts.clear(reservation.keyHash());
                attempts.remove(reservation.addressAttempt());
            });
            succeeded = true;
        }

        /** Closed without {@link #succeeded()}: the check failed, which the failure counter counts. */
        @Override
        public void close() {
            pending.leave(key);
            pending.leave(address);
            if (!succeeded) {
                meters.failed(key.substring("account:".length()));
            }
        }
    }

    /**
     * Counts an attempt at a check that costs something (a password hash) before it runs.
     *
     * @throws SignInBusyException when too many attempts for the key or the address are already waiting
     * @throws TooManyRequestsException when the key or the address has used up its attempts
     */
    public Attempt attempt(String key, String address) {
        String keyName = "account:" + key;
        String addressName = "address:" + address;
        if (!pending.enter(keyName, properties.maxPendingPerAccount())) {
            meters.throttled(key, true);
            throw new SignInBusyException();
        }
        if (!pending.enter(addressName, properties.maxPendingPerAddress())) {
            pending.leave(keyName);
            meters.throttled(key, true);
            throw new SignInBusyException();
        }
        try {
            return new Attempt(keyName, addressName, reserve(keyName, addressName));
        } catch (RuntimeException e) {
            pending.leave(keyName);
            pending.leave(addressName);
            throw e;
        }
    }

    /**
     * Counts a request that is limited but checks nothing (asking for a link or a reset): every
     * one counts, right or wrong, and none waits for a hash.
     *
     * @throws TooManyRequestsException when the key or the address has used up its attempts
     */
    public void count(String key, String address) {
        reserve("account:" + key, "address:" + address);
    }

    /** Forgets a key's failures: its owner proved who they are another way (a reset link). */
    public void forgive(String key) {
        transaction.executeWithoutResult(status -> attempts.clear(TokenHashes.sha256("account:" + key)));
    }

    /** A counted attempt, or how long to wait when there was no room for one. */
    private record Reservation(String keyHash, UUID addressAttempt, Duration retryAfter) {
    }

    private Reservation reserve(String keyName, String addressName) {
        Instant now = Timestamps.now(clock);
        Instant horizon = now.minus(properties.failureWindow());
        String keyHash = TokenHashes.sha256(keyName);
        String addressHash = TokenHashes.sha256(addressName);
        // The refusal is thrown after the transaction, not in it: thrown inside, it would mark a
        // caller's transaction for rollback.
        Reservation reservation = transaction.execute(status -> {
            // Every node locks the two keys in the same order, so two reservations never wait in a circle.
            new TreeSet<>(List.of(keyHash, addressHash)).forEach(hash -> attempts.lock(hash, now));
            Duration wait = max(waitFor(keyHash, properties.maxFailuresPerAccount(), horizon, now),
                    waitFor(addressHash, properties.maxFailuresPerAddress(), horizon, now));
            if (!wait.isZero()) {
                return new Reservation(keyHash, null, wait);
            }
            attempts.add(keyHash, now);
            return new Reservation(keyHash, attempts.add(addressHash, now), Duration.ZERO);
        });
        if (!reservation.retryAfter().isZero()) {
            meters.throttled(keyName.substring("account:".length()), false);
            throw new TooManyRequestsException(
                    "Too many failed sign-in attempts. Please wait before trying again.", reservation.retryAfter());
        }
        return reservation;
    }

    private Duration waitFor(String keyHash, int limit, Instant horizon, Instant now) {
        List<Instant> times = attempts.since(keyHash, horizon);
        if (times.size() < limit) {
            return Duration.ZERO;
        }
        // Wait until enough old attempts leave the window to bring the count under the limit.
        Instant freedAt = times.get(times.size() - limit).plus(properties.failureWindow());
        Duration wait = Duration.between(now, freedAt);
        return wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait;
    }

    /** Attempts and keys older than the window count for nothing; each node sweeps now and then. */
    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
    void prune() {
        Instant horizon = Timestamps.now(clock).minus(properties.failureWindow());
        transaction.executeWithoutResult(status -> attempts.prune(horizon));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
