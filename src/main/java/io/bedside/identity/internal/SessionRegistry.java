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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.identity.SignInsEnded;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/**
 * The {@code user_session} table: every signed-in browser session, so that any node can list and
 * end it. A session is known by a handle of 256 random bits kept in the server-side session (never
 * sent to the browser, never the JSESSIONID); the table holds only its SHA-256. The session filter
 * ({@link SessionPolicy}) looks the handle up on every request, so a row ended here, by any node,
 * signs the session out at its next request.
 */
@Repository
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

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SessionRegistry(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** Registers a new session of the account; returns the handle to keep in the session. */
    String start(PracticeId practice, UserId user, String device) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String handle = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = Timestamps.now(clock);
        jdbc.sql("""
                insert into user_session (id, practice_id, user_id, handle_hash, created_at, last_seen_at, device)
                values (:id, :practice, :user, :hash, :now, :now, :device)""")
                .param("id", UUID.randomUUID()).param("practice", practice.value()).param("user", user.value())
                .param("hash", TokenHashes.sha256(handle)).param("now", Timestamps.toDb(now))
                .param("device", device).update();
        return handle;
    }

    /** The session behind a handle, if it has not been ended and its account may still sign in. */
    Optional<Live> live(String handle) {
        return jdbc.sql("""
                select s.id, s.last_seen_at from user_session s join user_account a on a.id = s.user_id
                 where s.handle_hash = :hash and s.ended_at is null and a.active""")
                .param("hash", TokenHashes.sha256(handle))
                .query((rs, n) -> new Live(rs.getObject("id", UUID.class), Timestamps.fromDb(rs, "last_seen_at")))
                .optional();
    }

    /** Of these handles, those whose session has not been ended and whose account is active. */
    public List<String> stillLive(Collection<String> handles) {
        if (handles.isEmpty()) {
            return List.of();
        }
        Map<String, String> byHash = new HashMap<>();
        handles.forEach(h -> byHash.put(TokenHashes.sha256(h), h));
        return jdbc.sql("""
                select s.handle_hash from user_session s join user_account a on a.id = s.user_id
                 where s.handle_hash in (:hashes) and s.ended_at is null and a.active""")
                .param("hashes", byHash.keySet()).query(String.class).list().stream().map(byHash::get).toList();
    }

    /** Notes that the session was used, at most once a minute. */
    void touch(Live live) {
        Instant now = Timestamps.now(clock);
        if (live.lastSeenAt().plus(TOUCH_EVERY).isAfter(now)) {
            return;
        }
        jdbc.sql("update user_session set last_seen_at = :now where id = :id and last_seen_at < :now")
                .param("now", Timestamps.toDb(now)).param("id", live.id()).update();
    }

    /** Ends the session behind a handle (signed out, timed out, expired). */
    void end(String handle) {
        String hash = TokenHashes.sha256(handle);
        var owner = jdbc.sql("select user_id from user_session where handle_hash = :hash").param("hash", hash)
                .query(UUID.class).optional();
        int ended = jdbc.sql("update user_session set ended_at = :now where handle_hash = :hash and ended_at is null")
                .param("now", Timestamps.toDb(Timestamps.now(clock))).param("hash", hash)
                .update();
        owner.ifPresent(user -> ended(UserId.of(user), ended));
    }

    /** Ends one session of the account; false when it is not theirs, or already ended. */
    public boolean end(PracticeId practice, UserId user, UUID id) {
        return ended(user, jdbc.sql("""
                update user_session set ended_at = :now
                 where id = :id and practice_id = :practice and user_id = :user and ended_at is null""")
                .param("now", Timestamps.toDb(Timestamps.now(clock))).param("id", id)
                .param("practice", practice.value()).param("user", user.value()).update()) == 1;
    }

    /** Ends every session of the account but the one with this handle (none kept when null). */
    public int endAllExcept(PracticeId practice, UserId user, String keepHandle) {
        return ended(user, jdbc.sql("""
                update user_session set ended_at = :now
                 where practice_id = :practice and user_id = :user and ended_at is null and handle_hash <> :keep""")
                .param("now", Timestamps.toDb(Timestamps.now(clock))).param("practice", practice.value())
                .param("user", user.value()).param("keep", keepHandle == null ? "" : TokenHashes.sha256(keepHandle))
                .update());
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
        return jdbc.sql("""
                select id, created_at, last_seen_at, device, handle_hash from user_session
                 where practice_id = :practice and user_id = :user and ended_at is null
                   and last_seen_at > :seen and created_at > :started
                 order by last_seen_at desc""")
                .param("practice", practice.value()).param("user", user.value())
                .param("seen", Timestamps.toDb(seenSince)).param("started", Timestamps.toDb(startedSince))
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), Timestamps.fromDb(rs, "created_at"),
                        Timestamps.fromDb(rs, "last_seen_at"), rs.getString("device"), rs.getString("handle_hash")))
                .list();
    }

    /** Whether a row belongs to the session holding this handle. */
    public static boolean isHandle(Row row, String handle) {
        return handle != null && row.handleHash().equals(TokenHashes.sha256(handle));
    }
}
