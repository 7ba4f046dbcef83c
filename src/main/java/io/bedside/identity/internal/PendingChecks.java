package io.bedside.identity.internal;

import java.util.concurrent.ConcurrentHashMap;

/**
 * How many sign-in checks per key are under way on this node (waiting for a hash slot or
 * hashing). A key's entry goes when its last check ends, so the map holds only what is running.
 */
final class PendingChecks {

    private final ConcurrentHashMap<String, Integer> running = new ConcurrentHashMap<>();

    /** Takes a place for the key unless {@code limit} checks for it are already running. */
    boolean enter(String key, int limit) {
        boolean[] entered = {false};
        running.compute(key, (k, count) -> {
            int now = count == null ? 0 : count;
            if (now >= limit) {
                return count;
            }
            entered[0] = true;
            return now + 1;
        });
        return entered[0];
    }

    void leave(String key) {
        running.computeIfPresent(key, (k, count) -> count <= 1 ? null : count - 1);
    }
}
