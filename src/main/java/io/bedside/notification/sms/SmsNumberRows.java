package io.bedside.notification.sms;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;

/** The table {@code sms_number}: a practice's own SMS number, its full-text setting and webhook secret. */
@Repository
class SmsNumberRows {

    record Row(PracticeId practiceId, String phone, boolean fullText, byte[] secretCiphertext, Instant updatedAt) {
    }

    private final JdbcClient jdbc;

    SmsNumberRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(PracticeId practice) {
        return jdbc.sql("select * from sms_number where practice_id = :practice")
                .param("practice", practice.value()).query(SmsNumberRows::map).optional();
    }

    Optional<Row> byPhone(String phone) {
        return jdbc.sql("select * from sms_number where phone = :phone")
                .param("phone", phone).query(SmsNumberRows::map).optional();
    }

    /** Inserts or replaces the practice's row; a null secret keeps the one stored. */
    void save(PracticeId practice, String phone, boolean fullText, byte[] secret, Instant now) {
        int updated = jdbc.sql("""
                update sms_number set phone = :phone, full_text = :fullText, updated_at = :now%s
                 where practice_id = :practice""".formatted(secret == null ? "" : ", secret_ciphertext = :secret"))
                .param("phone", phone).param("fullText", fullText).param("secret", secret)
                .param("now", Timestamps.toDb(now)).param("practice", practice.value()).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into sms_number (practice_id, phone, full_text, secret_ciphertext, updated_at)
                    values (:practice, :phone, :fullText, :secret, :now)""")
                    .param("phone", phone).param("fullText", fullText).param("secret", secret)
                    .param("now", Timestamps.toDb(now)).param("practice", practice.value()).update();
        }
    }

    void delete(PracticeId practice) {
        jdbc.sql("delete from sms_number where practice_id = :practice").param("practice", practice.value()).update();
    }

    private static Row map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(PracticeId.of(rs.getObject("practice_id", UUID.class)), rs.getString("phone"),
                rs.getBoolean("full_text"), rs.getBytes("secret_ciphertext"), Timestamps.fromDb(rs, "updated_at"));
    }
}
