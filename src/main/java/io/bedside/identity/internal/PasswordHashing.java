package io.bedside.identity.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import io.bedside.identity.AuthProperties;
import io.bedside.shared.TooManyRequestsException;

/**
 * Argon2id password hashing (19 MiB, 2 passes: about 25 ms a hash on this hardware), with a
 * bound on how many run at once so that a storm of sign-ins cannot take every core from the
 * people sending messages.
 */
@Component
public class PasswordHashing {

    private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    private final Semaphore permits;
    // Verified against when the username is unknown, so both answers take the same time. Made on
    // another thread while the node starts (one Argon2id hash, about a second of a cold start).
    private final CompletableFuture<String> dummyHash;

    private final Counter checks;

    PasswordHashing(AuthProperties properties, MeterRegistry meters) {
        this.checks = Counter.builder("bedside.auth.password.checks")
                .description("Password verifications, real or against the dummy hash for unknown users")
                .register(meters);
        this.permits = new Semaphore(Math.max(1, properties.maxConcurrentHashes()), true);
        this.dummyHash = CompletableFuture.supplyAsync(() -> encoder.encode("bedside-timing-equaliser"));
    }

    public String hash(String password) {
        return bounded(() -> encoder.encode(password));
    }

    /** Checks a password; with no stored hash it still spends the time of a real check. */
    public boolean matches(String password, String storedHash) {
        checks.increment();
        if (storedHash == null) {
            String dummy = dummyHash.join();
            bounded(() -> encoder.matches(password, dummy));
            return false;
        }
        return bounded(() -> encoder.matches(password, storedHash));
    }

    private <T> T bounded(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new TooManyRequestsException("Sign-in is busy right now. Please try again in a moment.",
                    Duration.ofSeconds(2));
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
