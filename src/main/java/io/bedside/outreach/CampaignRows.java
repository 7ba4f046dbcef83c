package io.bedside.outreach;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.messaging.ConversationId;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/**
 * The campaign, recipient and sender tables. Every read is scoped to one practice or one campaign.
 * Runs in the caller's transaction: {@link Campaigns}, {@link CampaignCreators},
 * {@link CampaignOptOuts}, {@link CampaignSender} and {@link FunnelRecorder} decide where it ends.
 */
@Repository
class CampaignRows {

    /** A campaign row; the cohort as stored JSON. */
    record Row(CampaignId id, PracticeId practiceId, CareTeamId careTeamId, String name, String cohortJson,
            String messageEn, String messageEs, CampaignStatus status, Instant sendAt, UserId createdBy,
            Instant createdAt, Integer targeted, Instant startedAt, Instant finishedAt, boolean inviteNew) {
    }

    /** A recipient a sender has taken. */
    record Pending(CampaignId campaignId, PatientId patientId) {
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    CampaignRows(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    void insert(Row row) {
        jdbc.sql("""
                insert into campaign (id, practice_id, care_team_id, name, cohort, message_en, message_es, status,
                                      send_at, created_by, created_at, invite_new)
                values (:id, :practice, :team, :name, :cohort, :en, :es, :status, :sendAt, :by, :at, :invite)""")
                .param("invite", row.inviteNew())
                .param("id", row.id().value()).param("practice", row.practiceId().value())
                .param("team", row.careTeamId().value()).param("name", row.name()).param("cohort", row.cohortJson())
                .param("en", row.messageEn()).param("es", row.messageEs()).param("status", row.status().code())
                .param("sendAt", Timestamps.toDb(row.sendAt())).param("by", row.createdBy().value())
                .param("at", Timestamps.toDb(row.createdAt()))
                .update();
    }

    Optional<Row> find(PracticeId practice, CampaignId id) {
        return jdbc.sql("select * from campaign where id = :id and practice_id = :practice")
                .param("id", id.value()).param("practice", practice.value()).query(CampaignRows::map).optional();
    }

    List<Row> ofPractice(PracticeId practice, int limit) {
        return jdbc.sql("select * from campaign where practice_id = :practice order by created_at desc, id limit :limit")
                .param("practice", practice.value()).param("limit", limit).query(CampaignRows::map).list();
    }

    /** Scheduled campaigns whose time has come, locked for this node; another node skips them. */
    List<Row> claimDue(Instant now, int limit) {
        return jdbc.sql("""
                select * from campaign where status = 'scheduled' and send_at <= :now
                 order by send_at, id limit :limit for update skip locked""")
                .param("now", Timestamps.toDb(now)).param("limit", limit).query(CampaignRows::map).list();
    }

    List<Row> sending() {
        return jdbc.sql("select * from campaign where status = 'sending' order by started_at, id")
                .query(CampaignRows::map).list();
    }

    void start(CampaignId campaign, int targeted, Instant now) {
        jdbc.sql("update campaign set status = 'sending', targeted = :targeted, started_at = :now where id = :id")
                .param("targeted", targeted).param("now", Timestamps.toDb(now)).param("id", campaign.value()).update();
    }

    /** Marks a sending campaign sent when no recipient is left pending. */
    boolean finishIfDone(CampaignId campaign, Instant now) {
        return jdbc.sql("""
                update campaign set status = 'sent', finished_at = :now
                 where id = :id and status = 'sending'
                   and not exists (select 1 from campaign_recipient r where r.campaign_id = :id and r.status = 'pending')""")
                .param("now", Timestamps.toDb(now)).param("id", campaign.value()).update() == 1;
    }

    /** Stops a campaign that has not finished: what is still pending is never sent. */
    boolean cancel(PracticeId practice, CampaignId campaign, UserId by, Instant now) {
        int changed = jdbc.sql("""
                update campaign set status = 'cancelled', finished_at = :now, cancelled_by = :by
                 where id = :id and practice_id = :practice and status in ('scheduled', 'sending')""")
                .param("now", Timestamps.toDb(now)).param("by", by.value()).param("id", campaign.value())
                .param("practice", practice.value()).update();
        if (changed == 1) {
            jdbc.sql("update campaign_recipient set status = 'cancelled' where campaign_id = :id and status = 'pending'")
                    .param("id", campaign.value()).update();
        }
        return changed == 1;
    }

    // ------------------------------------------------------------ recipients

    void enroll(PracticeId practice, CampaignId campaign, List<PatientId> patients) {
        @SuppressWarnings("unchecked")
        Map<String, Object>[] rows = patients.stream().map(p -> Map.<String, Object>of("campaign", campaign.value(),
                "patient", p.value(), "practice", practice.value())).toArray(Map[]::new);
        for (int from = 0; from < rows.length; from += 1000) {
            batch.batchUpdate("""
                    insert into campaign_recipient (campaign_id, patient_id, practice_id, status)
                    values (:campaign, :patient, :practice, 'pending')""",
                    Arrays.copyOfRange(rows, from, Math.min(rows.length, from + 1000)));
        }
    }

    /**
     * Takes up to {@code limit} pending recipients of a campaign, row-locked until the caller's
     * transaction ends; rows another node holds are skipped, so no two nodes write to one patient.
     */
    List<Pending> claimPending(CampaignId campaign, int limit) {
        return jdbc.sql("""
                select campaign_id, patient_id from campaign_recipient
                 where campaign_id = :campaign and status = 'pending'
                 order by patient_id limit :limit for update skip locked""")
                .param("campaign", campaign.value()).param("limit", limit)
                .query((rs, n) -> new Pending(CampaignId.of(rs.getObject("campaign_id", UUID.class)),
                        PatientId.of(rs.getObject("patient_id", UUID.class))))
                .list();
    }

    void markSent(CampaignId campaign, PatientId patient, ConversationId conversation, Instant now) {
        jdbc.sql("""
                update campaign_recipient set status = 'sent', conversation_id = :conversation, sent_at = :now
                 where campaign_id = :campaign and patient_id = :patient and status = 'pending'""")
                .param("conversation", conversation.value()).param("now", Timestamps.toDb(now))
                .param("campaign", campaign.value()).param("patient", patient.value()).update();
    }

    void markSkipped(CampaignId campaign, PatientId patient) {
        jdbc.sql("update campaign_recipient set status = 'skipped' where campaign_id = :campaign and patient_id = :patient")
                .param("campaign", campaign.value()).param("patient", patient.value()).update();
    }

    /** Patients of the practice a campaign wrote to since {@code since}. */
    Set<PatientId> contactedSince(PracticeId practice, Instant since) {
        return new HashSet<>(jdbc.sql("""
                select distinct patient_id from campaign_recipient where practice_id = :practice and sent_at >= :since""")
                .param("practice", practice.value()).param("since", Timestamps.toDb(since))
                .query((rs, n) -> PatientId.of(rs.getObject("patient_id", UUID.class))).list());
    }

    Funnel funnel(CampaignId campaign) {
        return jdbc.sql("""
                select count(*) as n_targeted, count(sent_at) as n_sent, count(read_at) as n_read,
                       count(replied_at) as n_replied, count(opted_out_at) as n_opted_out
                  from campaign_recipient where campaign_id = :campaign""")
                .param("campaign", campaign.value())
                .query((rs, n) -> new Funnel(rs.getLong("n_targeted"), rs.getLong("n_sent"), rs.getLong("n_read"),
                        rs.getLong("n_replied"), rs.getLong("n_opted_out")))
                .single();
    }

    /** The patient's first reading of a campaign's message; nothing for other conversations. */
    void markRead(PracticeId practice, ConversationId conversation, Instant now) {
        jdbc.sql("""
                update campaign_recipient set read_at = :now
                 where conversation_id = :conversation and practice_id = :practice and read_at is null""")
                .param("now", Timestamps.toDb(now)).param("conversation", conversation.value())
                .param("practice", practice.value()).update();
    }

    /** The patient's first answer to a campaign's message (answering means they read it). */
    void markReplied(PracticeId practice, ConversationId conversation, Instant now) {
        jdbc.sql("""
                update campaign_recipient set replied_at = coalesce(replied_at, :now), read_at = coalesce(read_at, :now)
                 where conversation_id = :conversation and practice_id = :practice and replied_at is null""")
                .param("now", Timestamps.toDb(now)).param("conversation", conversation.value())
                .param("practice", practice.value()).update();
    }

    /**
     * Counts an opt-out against the campaign whose message it came from: the one of this
     * conversation, or else the latest campaign that wrote to the patient since {@code since}.
     * False when there is no such campaign message for this patient.
     */
    boolean markOptedOut(PracticeId practice, PatientId patient, ConversationId conversation, Instant since, Instant now) {
        if (conversation != null) {
            return jdbc.sql("""
                    update campaign_recipient set opted_out_at = coalesce(opted_out_at, :now)
                     where conversation_id = :conversation and practice_id = :practice and patient_id = :patient""")
                    .param("now", Timestamps.toDb(now)).param("conversation", conversation.value())
                    .param("practice", practice.value()).param("patient", patient.value()).update() == 1;
        }
        Optional<UUID> latest = jdbc.sql("""
                select campaign_id from campaign_recipient
                 where practice_id = :practice and patient_id = :patient and sent_at >= :since and opted_out_at is null
                 order by sent_at desc limit 1""")
                .param("practice", practice.value()).param("patient", patient.value())
                .param("since", Timestamps.toDb(since)).query(UUID.class).optional();
        latest.ifPresent(campaign -> jdbc.sql("""
                update campaign_recipient set opted_out_at = :now where campaign_id = :campaign and patient_id = :patient""")
                .param("now", Timestamps.toDb(now)).param("campaign", campaign).param("patient", patient.value()).update());
        return latest.isPresent();
    }

    /** Whether this conversation is a campaign's message to this patient. */
    boolean isCampaignConversation(PracticeId practice, PatientId patient, ConversationId conversation) {
        return jdbc.sql("""
                select count(*) from campaign_recipient
                 where conversation_id = :conversation and practice_id = :practice and patient_id = :patient""")
                .param("conversation", conversation.value()).param("practice", practice.value())
                .param("patient", patient.value()).query(Long.class).single() > 0;
    }

    // ------------------------------------------------------------ who may send

    boolean isSender(PracticeId practice, UserId user) {
        return jdbc.sql("select count(*) from campaign_sender where practice_id = :practice and user_id = :user")
                .param("practice", practice.value()).param("user", user.value()).query(Long.class).single() > 0;
    }

    Set<UserId> senders(PracticeId practice) {
        return new HashSet<>(jdbc.sql("select user_id from campaign_sender where practice_id = :practice")
                .param("practice", practice.value()).query((rs, n) -> UserId.of(rs.getObject("user_id", UUID.class)))
                .list());
    }

    void allow(PracticeId practice, UserId user, UserId by, Instant now) {
        if (!isSender(practice, user)) {
            jdbc.sql("insert into campaign_sender (practice_id, user_id, allowed_by, allowed_at) values (:p, :u, :b, :t)")
                    .param("p", practice.value()).param("u", user.value()).param("b", by.value())
                    .param("t", Timestamps.toDb(now)).update();
        }
    }

    void disallow(PracticeId practice, UserId user) {
        jdbc.sql("delete from campaign_sender where practice_id = :p and user_id = :u")
                .param("p", practice.value()).param("u", user.value()).update();
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        return new Row(CampaignId.of(rs.getObject("id", UUID.class)), PracticeId.of(rs.getObject("practice_id", UUID.class)),
                CareTeamId.of(rs.getObject("care_team_id", UUID.class)), rs.getString("name"), rs.getString("cohort"),
                rs.getString("message_en"), rs.getString("message_es"), CampaignStatus.fromCode(rs.getString("status")),
                Timestamps.fromDb(rs, "send_at"), UserId.of(rs.getObject("created_by", UUID.class)), Timestamps.fromDb(rs, "created_at"),
                (Integer) rs.getObject("targeted"), Timestamps.fromDb(rs, "started_at"), Timestamps.fromDb(rs, "finished_at"),
                rs.getBoolean("invite_new"));
    }
}
