package io.bedside.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.shared.Timestamps;

/**
 * The attempts the sign-in throttle counts, in the database so that every node counts the same
 * ones. Keys arrive hashed ({@link TokenHashes#sha256}); callers run these in one transaction per
 * reservation.
 */
@Repository
class SignInAttemptRows {

    // A key row deleted by the pruner between our insert and our update is created again; a few
    // rounds are more than that race can cost.
    private static final int LOCK_ROUNDS = 20;

    private final JdbcClient jdbc;

    SignInAttemptRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the key's row until the transaction ends, creating it on first sight. Every node
     * counting this key waits here, which is what makes count-then-add atomic.
     */
    void lock(String keyHash, Instant now) {
        for (int round = 0; round < LOCK_ROUNDS; round++) {
            int locked = jdbc.sql("update sign_in_throttle set last_seen = :now where key_hash = :key")
                    .param("now", Timestamps.toDb(now)).param("key", keyHash).update();
            if (locked == 1) {
                return;
            }
            jdbc.sql("insert into sign_in_throttle (key_hash, last_seen) values (:key, :now) on conflict do nothing")
                    .param("key", keyHash).param("now", Timestamps.toDb(now)).update();
        }
        throw new IllegalStateException("Could not lock a sign-in throttle key");
    }

    /** The key's attempts after the horizon, oldest first (older ones are deleted on the way). */
    List<Instant> since(String keyHash, Instant horizon) {
        jdbc.sql("delete from sign_in_attempt where key_hash = :key and attempted_at <= :horizon")
                .param("key", keyHash).param("horizon", Timestamps.toDb(horizon)).update();
        return jdbc.sql("select attempted_at from sign_in_attempt where key_hash = :key order by attempted_at")
                .param("key", keyHash).query((rs, n) -> Timestamps.fromDb(rs, "attempted_at")).list();
    }

    UUID add(String keyHash, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into sign_in_attempt (id, key_hash, attempted_at) values (:id, :key, :now)")
                .param("id", id).param("key", keyHash).param("now", Timestamps.toDb(now)).update();
        return id;
    }

    void remove(UUID id) {
        jdbc.sql("delete from sign_in_attempt where id = :id").param("id", id).update();
    }

    void clear(String keyHash) {
        jdbc.sql("delete from sign_in_attempt where key_hash = :key").param("key", keyHash).update();
    }

    /** Forgets attempts and keys not seen since the horizon. */
    void prune(Instant horizon) {
        jdbc.sql("delete from sign_in_attempt where attempted_at <= :horizon")
                .param("horizon", Timestamps.toDb(horizon)).update();
        jdbc.sql("delete from sign_in_throttle where last_seen <= :horizon")
                .param("horizon", Timestamps.toDb(horizon)).update();
    }
}
