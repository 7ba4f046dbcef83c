package io.bedside.notification.sms;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/** The tables {@code sms_consent} (a patient's agreements to texting) and {@code sms_opt_out} (STOP from a stranger). */
@Repository
class TextConsentRows {

    record Row(UserId userId, PracticeId practiceId, PatientId patientId, String phone, Instant textingAt,
            String textingWords, Instant healthAt, String healthWords, Instant stoppedAt) {
    }

    private final JdbcClient jdbc;

    TextConsentRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(PracticeId practice, UserId user) {
        return jdbc.sql("select * from sms_consent where practice_id = :practice and user_id = :user")
                .param("practice", practice.value()).param("user", user.value()).query(TextConsentRows::map).optional();
    }

    /** The agreements to texting made for this number in the practice, newest first. */
    List<Row> byPhone(PracticeId practice, String phone) {
        return jdbc.sql("""
                select * from sms_consent where practice_id = :practice and phone = :phone and texting_at is not null
                 order by texting_at desc""")
                .param("practice", practice.value()).param("phone", phone).query(TextConsentRows::map).list();
    }

    void save(Row row, Instant now) {
        int updated = jdbc.sql("""
                update sms_consent set patient_id = :patient, phone = :phone, texting_at = :textingAt,
                       texting_words = :textingWords, health_at = :healthAt, health_words = :healthWords,
                       stopped_at = :stoppedAt, updated_at = :now
                 where user_id = :user and practice_id = :practice""")
                .params(params(row, now)).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into sms_consent (user_id, practice_id, patient_id, phone, texting_at, texting_words,
                                             health_at, health_words, stopped_at, updated_at)
                    values (:user, :practice, :patient, :phone, :textingAt, :textingWords, :healthAt, :healthWords,
                            :stoppedAt, :now)""")
                    .params(params(row, now)).update();
        }
    }

    void stopped(PracticeId practice, UserId user, Instant at) {
        jdbc.sql("update sms_consent set stopped_at = :at, updated_at = :at where practice_id = :practice and user_id = :user")
                .param("at", Timestamps.toDb(at)).param("practice", practice.value()).param("user", user.value())
                .update();
    }

    void restarted(PracticeId practice, UserId user, Instant at) {
        jdbc.sql("update sms_consent set stopped_at = null, updated_at = :at where practice_id = :practice and user_id = :user")
                .param("at", Timestamps.toDb(at)).param("practice", practice.value()).param("user", user.value())
                .update();
    }

    boolean optedOut(PracticeId practice, long[] tokens) {
        for (long token : tokens) {
            if (jdbc.sql("select count(*) from sms_opt_out where practice_id = :practice and phone_token = :token")
                    .param("practice", practice.value()).param("token", token).query(Long.class).single() > 0) {
                return true;
            }
        }
        return false;
    }

    void optOut(PracticeId practice, long token, Instant at) {
        if (!optedOut(practice, new long[] {token})) {
            jdbc.sql("insert into sms_opt_out (practice_id, phone_token, stopped_at) values (:practice, :token, :at)")
                    .param("practice", practice.value()).param("token", token).param("at", Timestamps.toDb(at))
                    .update();
        }
    }

    /** Whether the fixed answer went to a number of one of these tokens since {@code since}. */
    boolean strangerAnsweredSince(PracticeId practice, long[] tokens, Instant since) {
        for (long token : tokens) {
            if (jdbc.sql("""
                    select count(*) from sms_stranger_reply
                     where practice_id = :practice and phone_token = :token and replied_at > :since""")
                    .param("practice", practice.value()).param("token", token).param("since", Timestamps.toDb(since))
                    .query(Long.class).single() > 0) {
                return true;
            }
        }
        return false;
    }

    void strangerAnswered(PracticeId practice, long token, Instant at) {
        int updated = jdbc.sql("update sms_stranger_reply set replied_at = :at where practice_id = :practice and phone_token = :token")
                .param("at", Timestamps.toDb(at)).param("practice", practice.value()).param("token", token).update();
        if (updated == 0) {
            jdbc.sql("insert into sms_stranger_reply (practice_id, phone_token, replied_at) values (:practice, :token, :at)")
                    .param("practice", practice.value()).param("token", token).param("at", Timestamps.toDb(at)).update();
        }
    }

    int forgetStrangerAnswersBefore(Instant horizon) {
        return jdbc.sql("delete from sms_stranger_reply where replied_at < :horizon")
                .param("horizon", Timestamps.toDb(horizon)).update();
    }

    void optIn(PracticeId practice, long[] tokens) {
        for (long token : tokens) {
            jdbc.sql("delete from sms_opt_out where practice_id = :practice and phone_token = :token")
                    .param("practice", practice.value()).param("token", token).update();
        }
    }

    private static java.util.Map<String, Object> params(Row row, Instant now) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("user", row.userId().value());
        p.put("practice", row.practiceId().value());
        p.put("patient", row.patientId().value());
        p.put("phone", row.phone());
        p.put("textingAt", Timestamps.toDb(row.textingAt()));
        p.put("textingWords", row.textingWords());
        p.put("healthAt", Timestamps.toDb(row.healthAt()));
        p.put("healthWords", row.healthWords());
        p.put("stoppedAt", Timestamps.toDb(row.stoppedAt()));
        p.put("now", Timestamps.toDb(now));
        return p;
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        return new Row(UserId.of(rs.getObject("user_id", UUID.class)),
                PracticeId.of(rs.getObject("practice_id", UUID.class)),
                PatientId.of(rs.getObject("patient_id", UUID.class)), rs.getString("phone"),
                Timestamps.fromDb(rs, "texting_at"), rs.getString("texting_words"), Timestamps.fromDb(rs, "health_at"),
                rs.getString("health_words"), Timestamps.fromDb(rs, "stopped_at"));
    }
}
