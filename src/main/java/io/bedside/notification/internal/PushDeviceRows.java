package io.bedside.notification.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/** The table {@code push_subscription}: the devices each person asked to be told on. */
@Repository
class PushDeviceRows {

    record Row(UUID id, PracticeId practiceId, UserId userId, String endpoint, byte[] keysCiphertext, String label,
            Instant createdAt, Instant lastUsedAt) {
        @Override
        public String toString() {
            return "Row[" + id + "]";
        }
    }

    private final JdbcClient jdbc;

    PushDeviceRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getObject("id", UUID.class), PracticeId.of(rs.getObject("practice_id", UUID.class)),
                UserId.of(rs.getObject("user_id", UUID.class)), rs.getString("endpoint"), rs.getBytes("keys_ciphertext"),
                rs.getString("label"), Timestamps.fromDb(rs, "created_at"), Timestamps.fromDb(rs, "last_used_at"));
    }

    List<Row> of(PracticeId practice, UserId user) {
        return jdbc.sql("""
                select * from push_subscription where practice_id = :practice and user_id = :user
                 order by created_at, id""")
                .param("practice", practice.value()).param("user", user.value())
                .query((rs, n) -> row(rs)).list();
    }

    Optional<Row> byEndpoint(String endpointHash) {
        return jdbc.sql("select * from push_subscription where endpoint_hash = :hash").param("hash", endpointHash)
                .query((rs, n) -> row(rs)).optional();
    }

    long count(PracticeId practice, UserId user) {
        return jdbc.sql("select count(*) from push_subscription where practice_id = :practice and user_id = :user")
                .param("practice", practice.value()).param("user", user.value()).query(Long.class).single();
    }

    void insert(UUID id, PracticeId practice, UserId user, String endpoint, String endpointHash, byte[] keys,
            String label, Instant now) {
        jdbc.sql("""
                insert into push_subscription (id, practice_id, user_id, endpoint, endpoint_hash, keys_ciphertext, label,
                                               created_at)
                values (:id, :practice, :user, :endpoint, :hash, :keys, :label, :now)""")
                .param("id", id).param("practice", practice.value()).param("user", user.value())
                .param("endpoint", endpoint).param("hash", endpointHash).param("keys", keys).param("label", label)
                .param("now", Timestamps.toDb(now)).update();
    }

    /** The same browser subscribing again: its keys may be new. */
    void updateKeys(UUID id, byte[] keys, String label) {
        jdbc.sql("update push_subscription set keys_ciphertext = :keys, label = :label where id = :id")
                .param("id", id).param("keys", keys).param("label", label).update();
    }

    /** Removes one of the person's own devices; false when it is not theirs (or not there). */
    boolean delete(PracticeId practice, UserId user, UUID id) {
        return jdbc.sql("delete from push_subscription where id = :id and practice_id = :practice and user_id = :user")
                .param("id", id).param("practice", practice.value()).param("user", user.value()).update() == 1;
    }

    /** The push service said the subscription is gone (404/410). */
    void deleteGone(PracticeId practice, UUID id) {
        jdbc.sql("delete from push_subscription where id = :id and practice_id = :practice")
                .param("id", id).param("practice", practice.value()).update();
    }

    void used(UUID id, Instant now) {
        jdbc.sql("update push_subscription set last_used_at = :now where id = :id")
                .param("id", id).param("now", Timestamps.toDb(now)).update();
    }
}
