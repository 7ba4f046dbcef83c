package io.bedside.identity.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/** The {@code user_session} table: browser sessions by the SHA-256 of their handle, never the handle itself. */
@Repository
class SessionRows {

    private final JdbcClient jdbc;

    SessionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(PracticeId practice, UserId user, String handleHash, Instant now, String device) {
        jdbc.sql("""
                insert into user_session (id, practice_id, user_id, handle_hash, created_at, last_seen_at, device)
                values (:id, :practice, :user, :hash, :now, :now, :device)""")
                .param("id", UUID.randomUUID()).param("practice", practice.value()).param("user", user.value())
                .param("hash", handleHash).param("now", Timestamps.toDb(now))
                .param("device", device).update();
    }

    /** The session with this handle hash, if it has not been ended and its account is active. */
    Optional<SessionRegistry.Live> live(String handleHash) {
        return jdbc.sql("""
                select s.id, s.last_seen_at from user_session s join user_account a on a.id = s.user_id
                 where s.handle_hash = :hash and s.ended_at is null and a.active""")
                .param("hash", handleHash)
                .query((rs, n) -> new SessionRegistry.Live(rs.getObject("id", UUID.class),
                        Timestamps.fromDb(rs, "last_seen_at")))
                .optional();
    }

    /** Of these handle hashes, those whose session has not been ended and whose account is active. */
    List<String> stillLive(Collection<String> handleHashes) {
        return jdbc.sql("""
                select s.handle_hash from user_session s join user_account a on a.id = s.user_id
                 where s.handle_hash in (:hashes) and s.ended_at is null and a.active""")
                .param("hashes", handleHashes).query(String.class).list();
    }

    void touch(UUID id, Instant now) {
        jdbc.sql("update user_session set last_seen_at = :now where id = :id and last_seen_at < :now")
                .param("now", Timestamps.toDb(now)).param("id", id).update();
    }

    Optional<UUID> owner(String handleHash) {
        return jdbc.sql("select user_id from user_session where handle_hash = :hash").param("hash", handleHash)
                .query(UUID.class).optional();
    }

    /** Ends the session with this handle hash; how many were (0 when it already was). */
    int end(String handleHash, Instant now) {
        return jdbc.sql("update user_session set ended_at = :now where handle_hash = :hash and ended_at is null")
                .param("now", Timestamps.toDb(now)).param("hash", handleHash)
                .update();
    }

    /** Ends one session of the account; how many were (0 when it is not theirs, or already ended). */
    int end(PracticeId practice, UserId user, UUID id, Instant now) {
        return jdbc.sql("""
                update user_session set ended_at = :now
                 where id = :id and practice_id = :practice and user_id = :user and ended_at is null""")
                .param("now", Timestamps.toDb(now)).param("id", id)
                .param("practice", practice.value()).param("user", user.value()).update();
    }

    /** Ends every session of the account but the one with this handle hash; how many were. */
    int endAllExcept(PracticeId practice, UserId user, String keepHash, Instant now) {
        return jdbc.sql("""
                update user_session set ended_at = :now
                 where practice_id = :practice and user_id = :user and ended_at is null and handle_hash <> :keep""")
                .param("now", Timestamps.toDb(now)).param("practice", practice.value())
                .param("user", user.value()).param("keep", keepHash)
                .update();
    }

    /** The account's sessions not ended, seen since {@code seenSince} and started since {@code startedSince}. */
    List<SessionRegistry.Row> open(PracticeId practice, UserId user, Instant seenSince, Instant startedSince) {
        return jdbc.sql("""
                select id, created_at, last_seen_at, device, handle_hash from user_session
                 where practice_id = :practice and user_id = :user and ended_at is null
                   and last_seen_at > :seen and created_at > :started
                 order by last_seen_at desc""")
                .param("practice", practice.value()).param("user", user.value())
                .param("seen", Timestamps.toDb(seenSince)).param("started", Timestamps.toDb(startedSince))
                .query((rs, n) -> new SessionRegistry.Row(rs.getObject("id", UUID.class),
                        Timestamps.fromDb(rs, "created_at"), Timestamps.fromDb(rs, "last_seen_at"),
                        rs.getString("device"), rs.getString("handle_hash")))
                .list();
    }
}
