package io.bedside.messaging.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.messaging.ConversationId;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;

/** Where a patient's text message goes: their conversations, newest first ({@code conversation} table). */
@Repository
class TextConversationRows {

    private final JdbcClient jdbc;

    TextConversationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The patient's newest conversation that is not closed (nor merged into another). */
    Optional<ConversationId> latestOpen(PracticeId practice, PatientId patient) {
        return jdbc.sql("""
                select id from conversation
                 where practice_id = :practice and patient_id = :patient and status <> 'CLOSED' and merged_into is null
                 order by last_public_activity_at desc, id desc limit 1""")
                .param("practice", practice.value()).param("patient", patient.value())
                .query((rs, n) -> ConversationId.of(rs.getObject(1, UUID.class))).optional();
    }

    /** The team of the patient's newest conversation, whatever its status. */
    Optional<CareTeamId> latestTeam(PracticeId practice, PatientId patient) {
        return jdbc.sql("""
                select care_team_id from conversation where practice_id = :practice and patient_id = :patient
                 order by last_public_activity_at desc, id desc limit 1""")
                .param("practice", practice.value()).param("patient", patient.value())
                .query((rs, n) -> CareTeamId.of(rs.getObject(1, UUID.class))).optional();
    }
}
