package io.bedside.identity.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import io.bedside.identity.SignInsEnded;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/**
 * Every signed-in browser session, registered in the database ({@link SessionRows}) so that any
 * node can list and end it. A session is known by a handle of 256 random bits kept in the
 * server-side session (never sent to the browser, never the JSESSIONID); the table holds only its
 * SHA-256. The session filter ({@link SessionPolicy}) looks the handle up on every request, so a
 * session ended here, by any node, signs out at its next request. Every method runs in the
 * caller's transaction; ending sessions tells what holds them open (an event stream).
 */
@Service
public class SessionRegistry {

    /** The session attribute holding the handle. */
    public static final String HANDLE = "bedside.sessionHandle";

    /** Last-seen times are written at most this often, so a busy page costs one read per request. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A live session as the filter needs it. */
    record Live(UUID id, Instant lastSeenAt) {
    }

    /** A session as its owner sees it on the devices list. */
    public record Row(UUID id, Instant createdAt, Instant lastSeenAt, String device, String handleHash) {
    }

    private final SessionRows rows;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SessionRegistry(SessionRows rows, Clock clock, ApplicationEventPublisher events) {
        this.rows = rows;
        this.clock = clock;
        this.events = events;
    }

    /** Registers a new session of the account; returns the handle to keep in the session. */
    String start(PracticeId practice, UserId user, String device) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String handle = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        rows.insert(practice, user, TokenHashes.sha256(handle), Timestamps.now(clock), device);
        return handle;
    }

    /** The session behind a handle, if it has not been ended and its account may still sign in. */
    Optional<Live> live(String handle) {
        return rows.live(TokenHashes.sha256(handle));
    }

    /** Of these handles, those whose session has not been ended and whose account is active. */
    public List<String> stillLive(Collection<String> handles) {
        if (handles.isEmpty()) {
            return List.of();
        }
        Map<String, String> byHash = new HashMap<>();
        handles.forEach(h -> byHash.put(TokenHashes.sha256(h), h));
        return rows.stillLive(byHash.keySet()).stream().map(byHash::get).toList();
    }

    /** Notes that the session was used, at most once a minute. */
    void touch(Live live) {
        Instant now = Timestamps.now(clock);
        if (live.lastSeenAt().plus(TOUCH_EVERY).isAfter(now)) {
            return;
        }
        rows.touch(live.id(), now);
    }

    /** Ends the session behind a handle (signed out, timed out, expired). */
    void end(String handle) {
        String hash = TokenHashes.sha256(handle);
        var owner = rows.owner(hash);
        int ended = rows.end(hash, Timestamps.now(clock));
        owner.ifPresent(user -> ended(UserId.of(user), ended));
    }

    /** Ends one session of the account; false when it is not theirs, or already ended. */
    public boolean end(PracticeId practice, UserId user, UUID id) {
        return ended(user, rows.end(practice, user, id, Timestamps.now(clock))) == 1;
    }

    /** Ends every session of the account but the one with this handle (none kept when null). */
    public int endAllExcept(PracticeId practice, UserId user, String keepHandle) {
        return ended(user, rows.endAllExcept(practice, user,
                keepHandle == null ? "" : TokenHashes.sha256(keepHandle), Timestamps.now(clock)));
    }

    /** Tells what holds a session open (an event stream) that some of the account's sessions ended. */
    private int ended(UserId user, int count) {
        if (count > 0) {
            events.publishEvent(new SignInsEnded(user));
        }
        return count;
    }

    /**
     * The account's sessions still open: not ended, seen since {@code seenSince} (older ones idled
     * out) and started since {@code startedSince} (older ones are past the absolute limit).
     */
    public List<Row> open(PracticeId practice, UserId user, Instant seenSince, Instant startedSince) {
        return rows.open(practice, user, seenSince, startedSince);
    }

    /** Whether a row belongs to the session holding this handle. */
    public static boolean isHandle(Row row, String handle) {
        return handle != null && row.handleHash().equals(TokenHashes.sha256(handle));
    }
}
