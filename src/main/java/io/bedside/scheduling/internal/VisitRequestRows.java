package io.bedside.scheduling.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.messaging.ConversationId;
import io.bedside.scheduling.VisitRequestId;
import io.bedside.scheduling.VisitStatus;
import io.bedside.scheduling.VisitType;
import io.bedside.scheduling.VisitUrgency;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/** The table {@code visit_request}; every query is scoped by practice. Ciphertexts stay opaque here. */
@Repository
class VisitRequestRows {

    record Row(VisitRequestId id, PracticeId practiceId, ConversationId conversationId, PatientId patientId,
            CareTeamId careTeamId, VisitStatus status, VisitUrgency urgency, VisitType visitType, byte[] reasonCiphertext,
            byte[] preferencesCiphertext, Instant preferencesAt, Instant slotAt, UserId requestedBy, Instant createdAt,
            Instant updatedAt) {

        @Override
        public String toString() {
            return "VisitRequestRow[" + id + "]";
        }
    }

    private final JdbcClient jdbc;

    VisitRequestRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Row r) {
        jdbc.sql("""
                insert into visit_request (id, practice_id, conversation_id, patient_id, care_team_id, status, urgency,
                                           visit_type, reason_ciphertext, requested_by, created_at, updated_at)
                values (:id, :practice, :conversation, :patient, :team, :status, :urgency, :type, :reason, :by, :now, :now)""")
                .param("id", r.id().value()).param("practice", r.practiceId().value())
                .param("conversation", r.conversationId().value()).param("patient", r.patientId().value())
                .param("team", r.careTeamId().value()).param("status", r.status().code())
                .param("urgency", r.urgency().code()).param("type", r.visitType().code())
                .param("reason", r.reasonCiphertext()).param("by", r.requestedBy().value())
                .param("now", Timestamps.toDb(r.createdAt())).update();
    }

    /** The row, locked for a change of its state. */
    Optional<Row> findForUpdate(PracticeId practice, VisitRequestId id) {
        return jdbc.sql("select * from visit_request where practice_id = :practice and id = :id for update")
                .param("practice", practice.value()).param("id", id.value()).query(VisitRequestRows::row).optional();
    }

    Optional<Row> find(PracticeId practice, VisitRequestId id) {
        return jdbc.sql("select * from visit_request where practice_id = :practice and id = :id")
                .param("practice", practice.value()).param("id", id.value()).query(VisitRequestRows::row).optional();
    }

    List<Row> ofConversation(PracticeId practice, ConversationId conversation) {
        return jdbc.sql("""
                select * from visit_request where practice_id = :practice and conversation_id = :c
                 order by created_at desc, id desc""")
                .param("practice", practice.value()).param("c", conversation.value()).query(VisitRequestRows::row).list();
    }

    List<Row> ofPatients(PracticeId practice, List<PatientId> patients) {
        if (patients.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select * from visit_request where practice_id = :practice and patient_id in (:patients)
                 order by created_at desc, id desc""")
                .param("practice", practice.value()).param("patients", patients.stream().map(PatientId::value).toList())
                .query(VisitRequestRows::row).list();
    }

    /** The practice's queue: the given status (all when null), oldest first, at most {@code limit}. */
    List<Row> queue(PracticeId practice, VisitStatus status, int limit) {
        String where = status == null ? "" : " and status = :status";
        var sql = jdbc.sql("select * from visit_request where practice_id = :practice" + where
                + " order by created_at, id limit :limit")
                .param("practice", practice.value()).param("limit", limit);
        if (status != null) {
            sql = sql.param("status", status.code());
        }
        return sql.query(VisitRequestRows::row).list();
    }

    List<Row> ofPractice(PracticeId practice) {
        return jdbc.sql("select * from visit_request where practice_id = :practice order by created_at desc, id desc")
                .param("practice", practice.value()).query(VisitRequestRows::row).list();
    }

    /** The practice's requests in id order after {@code after} (null: from the first), at most {@code limit}. */
    List<Row> pageById(PracticeId practice, VisitRequestId after, int limit) {
        String from = after == null ? "" : " and id > :after";
        var sql = jdbc.sql("select * from visit_request where practice_id = :practice" + from
                + " order by id limit :limit")
                .param("practice", practice.value()).param("limit", limit);
        if (after != null) {
            sql = sql.param("after", after.value());
        }
        return sql.query(VisitRequestRows::row).list();
    }

    void setPreferences(PracticeId practice, VisitRequestId id, byte[] ciphertext, Instant now) {
        jdbc.sql("""
                update visit_request set preferences_ciphertext = :p, preferences_at = :now, updated_at = :now
                 where practice_id = :practice and id = :id""")
                .param("p", ciphertext).param("now", Timestamps.toDb(now)).param("practice", practice.value())
                .param("id", id.value()).update();
    }

    void setStatus(PracticeId practice, VisitRequestId id, VisitStatus status, Instant slotAt, Instant now) {
        jdbc.sql("""
                update visit_request set status = :status, slot_at = :slot, updated_at = :now
                 where practice_id = :practice and id = :id""")
                .param("status", status.code()).param("slot", slotAt == null ? null : Timestamps.toDb(slotAt))
                .param("now", Timestamps.toDb(now)).param("practice", practice.value()).param("id", id.value()).update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(VisitRequestId.of(rs.getObject("id", UUID.class)),
                PracticeId.of(rs.getObject("practice_id", UUID.class)),
                ConversationId.of(rs.getObject("conversation_id", UUID.class)),
                PatientId.of(rs.getObject("patient_id", UUID.class)),
                CareTeamId.of(rs.getObject("care_team_id", UUID.class)),
                VisitStatus.fromCode("status", rs.getString("status")),
                VisitUrgency.fromCode(rs.getString("urgency")), VisitType.fromCode(rs.getString("visit_type")),
                rs.getBytes("reason_ciphertext"), rs.getBytes("preferences_ciphertext"),
                Timestamps.fromDb(rs, "preferences_at"), Timestamps.fromDb(rs, "slot_at"),
                UserId.of(rs.getObject("requested_by", UUID.class)), Timestamps.fromDb(rs, "created_at"),
                Timestamps.fromDb(rs, "updated_at"));
    }
}
