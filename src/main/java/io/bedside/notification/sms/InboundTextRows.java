package io.bedside.notification.sms;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;

/** The table {@code sms_inbound}: the queue of inbound texts, claimed by the worker like the notification outbox. */
@Repository
class InboundTextRows {

    record Row(UUID id, PracticeId practiceId, String gatewayId, byte[] contentCiphertext, String status, int attempts,
            String reply, String replyLanguage, Instant receivedAt) {
        @Override
        public String toString() {
            return "Row[" + id + ", " + status + "]";
        }
    }

    private final JdbcClient jdbc;

    InboundTextRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean signatureSeen(String signature) {
        return jdbc.sql("select count(*) from sms_inbound where signature = :signature")
                .param("signature", signature).query(Long.class).single() > 0;
    }

    boolean gatewayIdSeen(PracticeId practice, String gatewayId) {
        return jdbc.sql("select count(*) from sms_inbound where practice_id = :practice and gateway_id = :id")
                .param("practice", practice.value()).param("id", gatewayId).query(Long.class).single() > 0;
    }

    void insert(UUID id, PracticeId practice, String gatewayId, String signature, byte[] content, Instant now) {
        jdbc.sql("""
                insert into sms_inbound (id, practice_id, gateway_id, signature, content_ciphertext, status,
                                         next_attempt_at, received_at)
                values (:id, :practice, :gatewayId, :signature, :content, 'pending', :now, :now)""")
                .param("id", id).param("practice", practice.value()).param("gatewayId", gatewayId)
                .param("signature", signature).param("content", content).param("now", Timestamps.toDb(now)).update();
    }

    /** Claims up to {@code limit} texts waiting, or whose claim outlived the lease, skipping rows another node holds. */
    List<Row> claim(Instant now, Instant leaseExpired, int limit) {
        // The notification outbox's claim (NotificationRows.claim), on this table: repositories stay
        // in their own package, so the few lines are repeated rather than shared.
        List<UUID> ids = jdbc.sql("""
                select id from sms_inbound
                 where (status = 'pending' and next_attempt_at <= :now)
                    or (status = 'working' and claimed_at < :lease)
                 order by next_attempt_at
                 limit :limit
                 for update skip locked""")
                .param("now", Timestamps.toDb(now)).param("lease", Timestamps.toDb(leaseExpired)).param("limit", limit)
                .query(UUID.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        jdbc.sql("update sms_inbound set status = 'working', claimed_at = :now, attempts = attempts + 1 where id in (:ids)")
                .param("now", Timestamps.toDb(now)).param("ids", ids).update();
        return jdbc.sql("select * from sms_inbound where id in (:ids) order by next_attempt_at")
                .param("ids", ids).query(InboundTextRows::map).list();
    }

    Optional<Row> find(PracticeId practice, UUID id) {
        return jdbc.sql("select * from sms_inbound where id = :id and practice_id = :practice")
                .param("id", id).param("practice", practice.value()).query(InboundTextRows::map).optional();
    }

    /** Handled: the fixed reply to send, if any; the content is kept only while a reply still needs the number. */
    void done(UUID id, String reply, String language) {
        jdbc.sql("""
                update sms_inbound set status = 'done', reply = :reply, reply_language = :language%s
                 where id = :id""".formatted(reply == null ? ", content_ciphertext = null" : ""))
                .param("reply", reply).param("language", language).param("id", id).update();
    }

    void later(UUID id, Instant when, String reason) {
        jdbc.sql("update sms_inbound set status = 'pending', next_attempt_at = :when, last_error = :reason where id = :id")
                .param("when", Timestamps.toDb(when)).param("reason", reason).param("id", id).update();
    }

    void failed(UUID id, String reason) {
        jdbc.sql("update sms_inbound set status = 'failed', last_error = :reason, content_ciphertext = null where id = :id")
                .param("reason", reason).param("id", id).update();
    }

    /** The reply went: nothing of the text is kept any longer (its ids stay, for idempotency). */
    void erase(PracticeId practice, UUID id) {
        jdbc.sql("update sms_inbound set content_ciphertext = null where id = :id and practice_id = :practice")
                .param("id", id).param("practice", practice.value()).update();
    }

    /**
     * Deletes handled texts received before the horizon: by then a gateway has long stopped
     * redelivering, so their ids no longer need to refuse a duplicate.
     */
    int deleteHandledBefore(Instant horizon) {
        return jdbc.sql("delete from sms_inbound where status in ('done', 'failed') and received_at < :horizon")
                .param("horizon", Timestamps.toDb(horizon)).update();
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), PracticeId.of(rs.getObject("practice_id", UUID.class)),
                rs.getString("gateway_id"), rs.getBytes("content_ciphertext"), rs.getString("status"),
                rs.getInt("attempts"), rs.getString("reply"), rs.getString("reply_language"),
                Timestamps.fromDb(rs, "received_at"));
    }
}
