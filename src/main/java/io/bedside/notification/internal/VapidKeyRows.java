package io.bedside.notification.internal;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;

/** The table {@code push_vapid_key}: each practice's VAPID pair, the private key as ciphertext. */
@Repository
class VapidKeyRows {

    record Row(String publicKey, byte[] privateKeyCiphertext) {
    }

    private final JdbcClient jdbc;

    VapidKeyRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(PracticeId practice) {
        return jdbc.sql("select public_key, private_key_ciphertext from push_vapid_key where practice_id = :practice")
                .param("practice", practice.value())
                .query((rs, n) -> new Row(rs.getString("public_key"), rs.getBytes("private_key_ciphertext")))
                .optional();
    }

    void insertIfAbsent(PracticeId practice, String publicKey, byte[] privateKeyCiphertext, Instant now) {
        jdbc.sql("""
                insert into push_vapid_key (practice_id, public_key, private_key_ciphertext, created_at)
                select :practice, :public, :private, :now
                 where not exists (select 1 from push_vapid_key where practice_id = :practice)""")
                .param("practice", practice.value()).param("public", publicKey).param("private", privateKeyCiphertext)
                .param("now", Timestamps.toDb(now)).update();
    }
}
