package io.bedside.messaging.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import io.bedside.messaging.ConversationId;
import io.bedside.messaging.ConversationStatus;
import io.bedside.messaging.Priority;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/** A conversation row as stored (the subject still encrypted). */
public record ConversationRow(ConversationId id, PracticeId practiceId, PatientId patientId, CareTeamId careTeamId,
        UserId providerId, ConversationKind kind, ConversationStatus status, Priority priority, UserId assigneeId,
        byte[] subjectCiphertext, long lastSeq, Instant lastActivityAt, long lastPublicSeq, Instant lastPublicActivityAt,
        UserId createdBy, Instant createdAt, byte[] detailsCiphertext, boolean confidential, Instant snoozedUntil,
        ConversationId mergedInto) {

    /** A new row: not snoozed, not merged. */
    public ConversationRow(ConversationId id, PracticeId practiceId, PatientId patientId, CareTeamId careTeamId,
            UserId providerId, ConversationKind kind, ConversationStatus status, Priority priority, UserId assigneeId,
            byte[] subjectCiphertext, long lastSeq, Instant lastActivityAt, long lastPublicSeq,
            Instant lastPublicActivityAt, UserId createdBy, Instant createdAt, byte[] detailsCiphertext,
            boolean confidential) {
        this(id, practiceId, patientId, careTeamId, providerId, kind, status, priority, assigneeId, subjectCiphertext,
                lastSeq, lastActivityAt, lastPublicSeq, lastPublicActivityAt, createdBy, createdAt, detailsCiphertext,
                confidential, null, null);
    }

    /** Whether the conversation is snoozed at {@code now}. */
    public boolean snoozedAt(Instant now) {
        return snoozedUntil != null && snoozedUntil.isAfter(now);
    }

    /** The last sequence number this reader can see. */
    public long lastSeqFor(boolean patient) {
        return patient ? lastPublicSeq : lastSeq;
    }

    public Instant lastActivityFor(boolean patient) {
        return patient ? lastPublicActivityAt : lastActivityAt;
    }

    static ConversationRow map(ResultSet rs, int row) throws SQLException {
        return new ConversationRow(ConversationId.of(rs.getObject("id", UUID.class)),
                PracticeId.of(rs.getObject("practice_id", UUID.class)),
                PatientId.of(rs.getObject("patient_id", UUID.class)),
                CareTeamId.of(rs.getObject("care_team_id", UUID.class)), userId(rs, "provider_id"),
                ConversationKind.valueOf(rs.getString("kind")), ConversationStatus.valueOf(rs.getString("status")),
                Priority.valueOf(rs.getString("priority")), userId(rs, "assignee_id"),
                rs.getBytes("subject_ciphertext"), rs.getLong("last_seq"), Timestamps.fromDb(rs, "last_activity_at"),
                rs.getLong("last_public_seq"), Timestamps.fromDb(rs, "last_public_activity_at"),
                userId(rs, "created_by"), Timestamps.fromDb(rs, "created_at"), rs.getBytes("details_ciphertext"),
                rs.getBoolean("confidential"), Timestamps.fromDb(rs, "snoozed_until"), mergedInto(rs));
    }

    private static ConversationId mergedInto(ResultSet rs) throws SQLException {
        UUID value = rs.getObject("merged_into", UUID.class);
        return value == null ? null : ConversationId.of(value);
    }

    private static UserId userId(ResultSet rs, String column) throws SQLException {
        UUID value = rs.getObject(column, UUID.class);
        return value == null ? null : UserId.of(value);
    }
}
