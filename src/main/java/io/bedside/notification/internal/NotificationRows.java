package io.bedside.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.notification.FailedNotice;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/**
 * The {@code notification} table (with {@code notification_conversation}): the outbox. Rows hold
 * ids and a kind, never words.
 */
@Repository
class NotificationRows {

    /**
     * What a notice is about: {@code NEW_MESSAGE}, the care team wrote to a patient;
     * {@code PATIENT_MESSAGE}, a patient wrote to a team (for a member of staff).
     */
    enum Kind {
        NEW_MESSAGE, URGENT, OVERDUE, INVITATION, SIGN_IN_LINK, STAFF_INVITATION, PATIENT_MESSAGE,
        /** Someone given family access (a parent, a caregiver): the link to set a password. Never names the patient. */
        PROXY_INVITATION,
        /** The link that confirms a patient's new email address, to that address. */
        EMAIL_CHANGE,
        /** To the old address, once a new one replaced it; the row's reference is the change's id. */
        EMAIL_CHANGED,
        /** A one-time link to set a new password, to the account's address. */
        PASSWORD_RESET,
        /**
         * A security notice to the account's address: a sign-in credential changed (the row's
         * {@code credentialChange} says which; its creation time is when).
         */
        CREDENTIAL_CHANGED,

        /**
         * The fixed answer to an inbound text (STOP, START, HELP, an unknown number, a refused
         * file), to the number that texted; the row's reference is the inbound text's id.
         */
        SMS_REPLY
    }

    /**
     * {@code conversationId}: what the notice is about, a conversation or (for {@link Kind#EMAIL_CHANGED}) an email
     * change; {@code credentialChange}: for {@link Kind#CREDENTIAL_CHANGED}, the name of the
     * {@link io.bedside.identity.CredentialChange}.
     */
    record Row(UUID id, PracticeId practiceId, UserId userId, Kind kind, UUID conversationId,
            CareTeamId careTeamId, String status, int attempts, Instant dueAt, Instant createdAt,
            String credentialChange) {
    }

    private final JdbcClient jdbc;

    NotificationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID add(PracticeId practice, UserId user, Kind kind, UUID conversation, CareTeamId team, Instant due,
            Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into notification (id, practice_id, user_id, kind, conversation_id, care_team_id, status, due_at,
                                          next_attempt_at, created_at)
                values (:id, :practice, :user, :kind, :conversation, :team, 'pending', :due, :due, :now)""")
                .param("id", id).param("practice", practice.value()).param("user", user.value())
                .param("kind", kind.name()).param("conversation", conversation)
                .param("team", team == null ? null : team.value())
                .param("due", Timestamps.toDb(due)).param("now", Timestamps.toDb(now))
                .update();
        return id;
    }

    /** A security notice of a changed credential, due at once; created at the time of the change. */
    UUID addCredentialChange(PracticeId practice, UserId user, String change, Instant at, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into notification (id, practice_id, user_id, kind, status, due_at, next_attempt_at, created_at,
                                          credential_change)
                values (:id, :practice, :user, :kind, 'pending', :now, :now, :at, :change)""")
                .param("id", id).param("practice", practice.value()).param("user", user.value())
                .param("kind", Kind.CREDENTIAL_CHANGED.name()).param("now", Timestamps.toDb(now))
                .param("at", Timestamps.toDb(at)).param("change", change)
                .update();
        return id;
    }

    /**
     * A notice of a new message, coalesced: joins the notice of this kind already waiting to go to
     * this person (for a member of staff, the one of the same team, whose inbox it names), or adds
     * one due at {@code due}; either way it remembers the conversation, so that the notice goes
     * only while one of its messages is unread.
     */
    void coalesce(PracticeId practice, UserId user, Kind kind, UUID conversation, CareTeamId team, Instant due,
            Instant now) {
        boolean perTeam = kind == Kind.PATIENT_MESSAGE && team != null;
        var pending = jdbc.sql("""
                select id from notification
                 where practice_id = :practice and user_id = :user and kind = :kind and status = 'pending' %s
                 order by created_at limit 1""".formatted(perTeam ? "and care_team_id = :team" : ""))
                .param("practice", practice.value()).param("user", user.value()).param("kind", kind.name());
        UUID notice = (perTeam ? pending.param("team", team.value()) : pending).query(UUID.class).optional()
                .orElseGet(() -> add(practice, user, kind, conversation, team, due, now));
        // A conversation's sends queue on its row, so two cannot add the same pair at once.
        jdbc.sql("""
                insert into notification_conversation (practice_id, notification_id, conversation_id)
                select :practice, :notice, :conversation from notification
                 where id = :notice and not exists (select 1 from notification_conversation
                                                     where notification_id = :notice and conversation_id = :conversation)""")
                .param("practice", practice.value()).param("notice", notice).param("conversation", conversation)
                .update();
    }

    /** The conversations a coalesced notice covers. */
    List<UUID> conversationsOf(UUID notice) {
        return jdbc.sql("select conversation_id from notification_conversation where notification_id = :notice")
                .param("notice", notice).query(UUID.class).list();
    }

    /**
     * Claims up to {@code limit} notices that are due, or whose claim is older than the lease (a
     * dispatcher that died mid-batch), skipping rows another node holds.
     */
    List<Row> claim(Instant now, Instant leaseExpired, int limit) {
        List<UUID> ids = jdbc.sql("""
                select id from notification
                 where (status = 'pending' and next_attempt_at <= :now)
                    or (status = 'sending' and claimed_at < :lease)
                 order by next_attempt_at
                 limit :limit
                 for update skip locked""")
                .param("now", Timestamps.toDb(now)).param("lease", Timestamps.toDb(leaseExpired)).param("limit", limit)
                .query(UUID.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        jdbc.sql("update notification set status = 'sending', claimed_at = :now, attempts = attempts + 1 where id in (:ids)")
                .param("now", Timestamps.toDb(now)).param("ids", ids).update();
        return jdbc.sql("select * from notification where id in (:ids) order by next_attempt_at")
                .param("ids", ids).query(NotificationRows::map).list();
    }

    void sent(UUID id, String channel, Instant now) {
        finish(id, "sent", channel, null, now);
    }

    void skipped(UUID id, String reason, Instant now) {
        finish(id, "skipped", null, reason, now);
    }

    void failed(UUID id, String reason, Instant now) {
        finish(id, "failed", null, reason, now);
    }

    /** Puts a notice back to wait (quiet hours, or a retry after a failure). */
    void later(UUID id, Instant when, String reason, boolean countAttempt) {
        jdbc.sql("""
                update notification set status = 'pending', next_attempt_at = :when, last_error = :reason,
                                        attempts = attempts - :uncount
                 where id = :id""")
                .param("when", Timestamps.toDb(when)).param("reason", reason).param("uncount", countAttempt ? 0 : 1)
                .param("id", id).update();
    }

    private void finish(UUID id, String status, String channel, String reason, Instant now) {
        jdbc.sql("""
                update notification set status = :status, channel = :channel, last_error = :reason, sent_at = :now
                 where id = :id""")
                .param("status", status).param("channel", channel).param("reason", reason)
                .param("now", Timestamps.toDb(now)).param("id", id).update();
    }

    /** The notices due and not yet sent, across practices, and when the oldest of them fell due (null: none). */
    record Backlog(long due, Instant oldestDueAt) {
    }

    /** For the queue-depth gauge: one pass over the ready index ({@code notification_ready}). */
    Backlog backlog(Instant now) {
        return jdbc.sql("""
                select count(*) as due, min(next_attempt_at) as oldest from notification
                 where status = 'pending' and next_attempt_at <= :now""")
                .param("now", Timestamps.toDb(now))
                .query((rs, n) -> new Backlog(rs.getLong("due"), Timestamps.fromDb(rs, "oldest"))).single();
    }

    /** How many of the practice's notices could not be delivered. */
    long failedCount(PracticeId practice) {
        return jdbc.sql("select count(*) from notification where practice_id = :practice and status = 'failed'")
                .param("practice", practice.value()).query(Long.class).single();
    }

    /** The practice's notices that could not be delivered, newest first, for its admins. */
    List<FailedNotice> failed(PracticeId practice, int limit) {
        return jdbc.sql("""
                select id, kind, attempts, last_error, created_at from notification
                 where practice_id = :practice and status = 'failed' order by created_at desc limit :limit""")
                .param("practice", practice.value()).param("limit", limit)
                .query((rs, n) -> new FailedNotice(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getInt("attempts"),
                        rs.getString("last_error"), Timestamps.fromDb(rs, "created_at")))
                .list();
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        UUID team = rs.getObject("care_team_id", UUID.class);
        return new Row(rs.getObject("id", UUID.class), PracticeId.of(rs.getObject("practice_id", UUID.class)),
                UserId.of(rs.getObject("user_id", UUID.class)), Kind.valueOf(rs.getString("kind")),
                rs.getObject("conversation_id", UUID.class), team == null ? null : CareTeamId.of(team),
                rs.getString("status"), rs.getInt("attempts"), Timestamps.fromDb(rs, "due_at"),
                Timestamps.fromDb(rs, "created_at"), rs.getString("credential_change"));
    }

    /** Claims what is due now for one person only (the setup command sends its invitation at once). */
    List<Row> claimFor(PracticeId practice, UserId user, Instant now) {
        List<UUID> ids = jdbc.sql("""
                select id from notification
                 where practice_id = :practice and user_id = :user and status = 'pending' and next_attempt_at <= :now
                 for update skip locked""")
                .param("practice", practice.value()).param("user", user.value()).param("now", Timestamps.toDb(now))
                .query(UUID.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        jdbc.sql("update notification set status = 'sending', claimed_at = :now, attempts = attempts + 1 where id in (:ids)")
                .param("now", Timestamps.toDb(now)).param("ids", ids).update();
        return jdbc.sql("select * from notification where id in (:ids) order by next_attempt_at")
                .param("ids", ids).query(NotificationRows::map).list();
    }

    /** A notice's state in words: its status, and why when it was not sent. */
    String state(UUID id) {
        return jdbc.sql("select status, last_error from notification where id = :id").param("id", id)
                .query((rs, n) -> rs.getString("last_error") == null || "sent".equals(rs.getString("status"))
                        ? rs.getString("status") : rs.getString("status") + " (" + rs.getString("last_error") + ")")
                .single();
    }
}
