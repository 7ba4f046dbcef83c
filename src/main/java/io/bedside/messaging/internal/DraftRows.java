package io.bedside.messaging.internal;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.shared.Actor;
import io.bedside.shared.Timestamps;

/** The {@code draft} table: one encrypted draft per user and place ("new" or a conversation id). */
@Repository
class DraftRows {

    private final JdbcClient jdbc;

    DraftRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the owner's draft of a place; 0 when they had none there. */
    int update(Actor owner, String scope, byte[] ciphertext, Instant now) {
        return jdbc.sql("update draft set content_ciphertext = :c, updated_at = :now where user_id = :u and scope = :s")
                .param("c", ciphertext).param("now", Timestamps.toDb(now)).param("u", owner.userId().value())
                .param("s", scope)
                .update();
    }

    void insert(Actor owner, String scope, byte[] ciphertext, Instant now) {
        jdbc.sql("""
                insert into draft (practice_id, user_id, scope, content_ciphertext, updated_at)
                values (:p, :u, :s, :c, :now)""")
                .param("p", owner.practiceId().value()).param("u", owner.userId().value()).param("s", scope)
                .param("c", ciphertext).param("now", Timestamps.toDb(now))
                .update();
    }

    Optional<byte[]> find(Actor owner, String scope) {
        return jdbc.sql("select content_ciphertext from draft where user_id = :u and scope = :s and practice_id = :p")
                .param("u", owner.userId().value()).param("s", scope).param("p", owner.practiceId().value())
                .query(byte[].class).optional();
    }

    Set<String> places(Actor owner) {
        return new HashSet<>(jdbc.sql("select scope from draft where user_id = :u and practice_id = :p")
                .param("u", owner.userId().value()).param("p", owner.practiceId().value())
                .query(String.class).list());
    }

    void delete(Actor owner, String scope) {
        jdbc.sql("delete from draft where user_id = :u and scope = :s")
                .param("u", owner.userId().value()).param("s", scope).update();
    }
}
