package io.bedside.analytics.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.messaging.ConversationId;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Savepoints;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/** The {@code analytics_conversation} and {@code analytics_wait} tables: written as conversations change, read as figures. */
@Repository
class AnalyticsRows {

    /** A conversation as first recorded: its place on the practice's calendar, worked out once. */
    record NewConversation(PracticeId practiceId, ConversationId conversationId, CareTeamId careTeamId, String kind,
            boolean fromCampaign, Instant startedAt, LocalDate localDay, int weekday, int hour, boolean afterHours,
            int staffMessages) {
    }

    /** The conversation a wait belongs to, and how it stands: its team and kind, its open wait if any. */
    record WaitState(CareTeamId careTeamId, String kind, long waits, Long openSeq, Instant openSince, Instant openDue) {
    }

    private final JdbcClient jdbc;
    private final Savepoints savepoints;

    AnalyticsRows(JdbcClient jdbc, Savepoints savepoints) {
        this.jdbc = jdbc;
        this.savepoints = savepoints;
    }

    // ------------------------------------------------------------ writes

    void insertConversation(NewConversation c) {
        jdbc.sql("""
                insert into analytics_conversation (conversation_id, practice_id, care_team_id, kind, from_campaign,
                       started_at, local_day, local_weekday, local_hour, after_hours, patient_messages, staff_messages,
                       overdue, urgent)
                values (:id, :practice, :team, :kind, :campaign, :at, :day, :weekday, :hour, :afterHours, 0, :staff,
                        false, false)""")
                .param("id", c.conversationId().value()).param("practice", c.practiceId().value())
                .param("team", c.careTeamId().value()).param("kind", c.kind()).param("campaign", c.fromCampaign())
                .param("at", Timestamps.toDb(c.startedAt())).param("day", c.localDay()).param("weekday", c.weekday())
                .param("hour", c.hour()).param("afterHours", c.afterHours()).param("staff", c.staffMessages()).update();
    }

    /** Counts one message; false when the conversation was never recorded (started before analytics). */
    boolean countMessage(ConversationId id, boolean fromPatient) {
        String column = fromPatient ? "patient_messages" : "staff_messages";
        return jdbc.sql("update analytics_conversation set " + column + " = " + column + " + 1 where conversation_id = :id")
                .param("id", id.value()).update() == 1;
    }

    void flagUrgent(ConversationId id) {
        jdbc.sql("update analytics_conversation set urgent = true where conversation_id = :id and urgent = false")
                .param("id", id.value()).update();
    }

    void flagOverdue(ConversationId id) {
        jdbc.sql("update analytics_conversation set overdue = true where conversation_id = :id and overdue = false")
                .param("id", id.value()).update();
    }

    /** The conversation's team and kind with its waits so far and the open one, in one statement. */
    Optional<WaitState> waitState(ConversationId id) {
        return jdbc.sql("""
                select c.care_team_id, c.kind,
                       (select count(*) from analytics_wait w where w.conversation_id = c.conversation_id) as waits,
                       o.started_seq, o.waiting_since, o.due_at
                  from analytics_conversation c
                  left join analytics_wait o on o.conversation_id = c.conversation_id and o.ended_at is null
                 where c.conversation_id = :id""")
                .param("id", id.value())
                .query((rs, n) -> new WaitState(CareTeamId.of(rs.getObject("care_team_id", UUID.class)),
                        rs.getString("kind"), rs.getLong("waits"),
                        rs.getObject("started_seq") == null ? null : rs.getLong("started_seq"),
                        Timestamps.fromDb(rs, "waiting_since"), Timestamps.fromDb(rs, "due_at")))
                .list().stream().findFirst();
    }

    /** The open wait of a conversation, if any: since when, due when, with which team. */
    Optional<WaitState> openWait(ConversationId id) {
        return jdbc.sql("""
                select care_team_id, kind, started_seq, waiting_since, due_at from analytics_wait
                 where conversation_id = :id and ended_at is null""")
                .param("id", id.value())
                .query((rs, n) -> new WaitState(CareTeamId.of(rs.getObject("care_team_id", UUID.class)),
                        rs.getString("kind"), 0, rs.getLong("started_seq"), Timestamps.fromDb(rs, "waiting_since"),
                        Timestamps.fromDb(rs, "due_at")))
                .list().stream().findFirst();
    }

    void startWait(PracticeId practice, ConversationId id, long seq, CareTeamId team, String kind, boolean first,
            Instant since, LocalDate day, Instant due) {
        jdbc.sql("""
                insert into analytics_wait (conversation_id, started_seq, practice_id, care_team_id, kind, first_wait,
                       waiting_since, local_day, due_at)
                values (:id, :seq, :practice, :team, :kind, :first, :since, :day, :due)""")
                .param("id", id.value()).param("seq", seq).param("practice", practice.value())
                .param("team", team.value()).param("kind", kind).param("first", first)
                .param("since", Timestamps.toDb(since)).param("day", day).param("due", Timestamps.toDb(due)).update();
    }

    void answer(ConversationId id, long seq, Instant at, UserId by, long businessSeconds, long wallSeconds,
            boolean withinPromise) {
        jdbc.sql("""
                update analytics_wait set ended_at = :at, answered_by = :by, business_seconds = :business,
                       wall_seconds = :wall, business_bucket = :businessBucket, wall_bucket = :wallBucket,
                       within_promise = :within
                 where conversation_id = :id and started_seq = :seq and ended_at is null""")
                .param("at", Timestamps.toDb(at)).param("by", by.value()).param("business", businessSeconds)
                .param("wall", wallSeconds).param("businessBucket", Histogram.bucket(businessSeconds))
                .param("wallBucket", Histogram.bucket(wallSeconds)).param("within", withinPromise).param("id", id.value()).param("seq", seq)
                .update();
    }

    /** Whether the conversation has its row (it started after analytics was installed, or was rebuilt). */
    boolean recorded(ConversationId id) {
        return jdbc.sql("select count(*) from analytics_conversation where conversation_id = :id").param("id", id.value())
                .query(Long.class).single() > 0;
    }

    /**
     * A rebuilt conversation went overdue if one of its waits was answered after its due time or is
     * still open past it: what workflow's overdue notice would have flagged as it happened.
     */
    void flagOverdueIfLate(ConversationId id, Instant now) {
        jdbc.sql("""
                update analytics_conversation set overdue = true
                 where conversation_id = :id and overdue = false
                   and exists (select 1 from analytics_wait w where w.conversation_id = :id
                                 and (w.within_promise = false or (w.ended_at is null and w.due_at < :now)))""")
                .param("id", id.value()).param("now", Timestamps.toDb(now)).update();
    }

    /** Forgets the practice's kept day figures: after a rebuild they are worked out again from the rows. */
    void forgetKeptDays(PracticeId practice) {
        jdbc.sql("delete from analytics_response_day where practice_id = :practice").param("practice", practice.value())
                .update();
    }

    /** The team closed the conversation or left it waiting on the patient: the wait ends unanswered. */
    void endUnanswered(ConversationId id, Instant at) {
        jdbc.sql("update analytics_wait set ended_at = :at where conversation_id = :id and ended_at is null")
                .param("at", Timestamps.toDb(at)).param("id", id.value()).update();
    }

    // ------------------------------------------------------------ reads

    /** How many answered waits of one group fell in one bucket of business or wall-clock time. */
    record BucketCount(String key, boolean business, int bucket, long waits, long withinPromise) {
    }

    /** Conversations counted in one hour of one day of the practice's calendar. */
    record VolumeRow(LocalDate day, int hour, long conversations, long afterHours, long overdue,
            long urgent, long patientMessages, long staffMessages) {
    }

    /** The column a response-time grouping groups by. */
    enum ResponseKey {
        TEAM("care_team_id"), KIND("kind"), STAFF("answered_by"), DAY("local_day");

        final String column;

        ResponseKey(String column) {
            this.column = column;
        }
    }

    /**
     * The answered waits that started on these days (both included), of these teams (all teams of the
     * practice when {@code teams} is null), counted by group ({@code key}) and bucket: once by
     * business time, once by wall-clock time (with the within-promise count). Two hash aggregates over
     * an index that holds every column they read; percentiles are worked out from the counts.
     */
    List<BucketCount> responseBuckets(PracticeId practice, LocalDate from, LocalDate to, Collection<CareTeamId> teams,
            ResponseKey key) {
        return responseBuckets(practice, from, to, teams, key, null);
    }

    /** As above, for the whole selection when {@code key} is null, and only these days when {@code days} is given. */
    List<BucketCount> responseBuckets(PracticeId practice, LocalDate from, LocalDate to, Collection<CareTeamId> teams,
            ResponseKey key, Collection<LocalDate> days) {
        String where = " from analytics_wait where practice_id = :practice and local_day between :from and :to"
                + (days == null ? "" : " and local_day in (:days)")
                + " and answered_by is not null" + (teams == null ? "" : " and care_team_id in (:teams)");
        String k = key == null ? "'total'" : "cast(" + key.column + " as varchar(40))";
        String groupBy = key == null ? " group by " : " group by " + key.column + ", ";
        String sql = "select " + k + " as k, 1 as business, business_bucket as bucket, count(*) as n, 0 as within_promise"
                + where + groupBy + "business_bucket"
                + " union all select " + k + " as k, 0 as business, wall_bucket as bucket, count(*) as n,"
                + " sum(case when within_promise then 1 else 0 end) as within_promise"
                + where + groupBy + "wall_bucket";
        var spec = jdbc.sql(sql).param("practice", practice.value()).param("from", from).param("to", to);
        if (teams != null) {
            spec = spec.param("teams", teams.stream().map(CareTeamId::value).toList());
        }
        if (days != null) {
            spec = spec.param("days", List.copyOf(days));
        }
        return spec.query((rs, n) -> new BucketCount(rs.getString("k"), rs.getInt("business") == 1, rs.getInt("bucket"),
                rs.getLong("n"), rs.getLong("within_promise"))).list();
    }

    /**
     * Conversations started on these days, of these teams (null: all), not by a campaign, by day and
     * hour of the day, with the sums the totals add up: every grouping of volume is a fold of these.
     */
    List<VolumeRow> volume(PracticeId practice, LocalDate from, LocalDate to, Collection<CareTeamId> teams) {
        String sql = "select local_day, local_hour, count(*) as n, sum(case when after_hours then 1 else 0 end) as ah,"
                + " sum(case when overdue then 1 else 0 end) as od, sum(case when urgent then 1 else 0 end) as ur,"
                + " sum(patient_messages) as pm, sum(staff_messages) as sm"
                + " from analytics_conversation where practice_id = :practice and local_day between :from and :to"
                + " and from_campaign = false" + (teams == null ? "" : " and care_team_id in (:teams)")
                + " group by local_day, local_hour";
        var spec = jdbc.sql(sql).param("practice", practice.value()).param("from", from).param("to", to);
        if (teams != null) {
            spec = spec.param("teams", teams.stream().map(CareTeamId::value).toList());
        }
        return spec.query((rs, n) -> new VolumeRow(rs.getObject("local_day", LocalDate.class), rs.getInt("local_hour"),
                rs.getLong("n"), rs.getLong("ah"), rs.getLong("od"), rs.getLong("ur"), rs.getLong("pm"),
                rs.getLong("sm"))).list();
    }

    // ------------------------------------------------------------ first-response figures of a day, kept once read

    /** A day's figures as kept: durations in seconds, null when nothing was answered. */
    record DayFigures(LocalDate day, long answered, long withinPromise, Long businessMedian, Long businessP90,
            Long wallMedian, Long wallP90) {
    }

    /** How many waits that started on each day of the range were answered (days with none left out). */
    java.util.Map<LocalDate, Long> answeredByDay(PracticeId practice, LocalDate from, LocalDate to,
            Collection<CareTeamId> teams) {
        String sql = "select local_day, count(*) as n from analytics_wait where practice_id = :practice"
                + " and local_day between :from and :to and answered_by is not null"
                + (teams == null ? "" : " and care_team_id in (:teams)") + " group by local_day";
        var spec = jdbc.sql(sql).param("practice", practice.value()).param("from", from).param("to", to);
        if (teams != null) {
            spec = spec.param("teams", teams.stream().map(CareTeamId::value).toList());
        }
        java.util.Map<LocalDate, Long> counts = new java.util.HashMap<>();
        spec.query((rs, n) -> counts.put(rs.getObject("local_day", LocalDate.class), rs.getLong("n"))).list();
        return counts;
    }

    java.util.Map<LocalDate, DayFigures> keptDays(PracticeId practice, String scope, LocalDate from, LocalDate to) {
        java.util.Map<LocalDate, DayFigures> kept = new java.util.HashMap<>();
        jdbc.sql("""
                select * from analytics_response_day
                 where practice_id = :practice and scope = :scope and local_day between :from and :to""")
                .param("practice", practice.value()).param("scope", scope).param("from", from).param("to", to)
                .query((rs, n) -> new DayFigures(rs.getObject("local_day", LocalDate.class), rs.getLong("answered"),
                        rs.getLong("within_promise"), rs.getObject("business_median", Long.class),
                        rs.getObject("business_p90", Long.class), rs.getObject("wall_median", Long.class),
                        rs.getObject("wall_p90", Long.class)))
                .list().forEach(d -> kept.put(d.day(), d));
        return kept;
    }

    /** Keeps a day's figures, replacing what was kept; a reader doing the same at once leaves one row. */
    void keepDay(PracticeId practice, String scope, DayFigures d) {
        jdbc.sql("delete from analytics_response_day where practice_id = :practice and scope = :scope and local_day = :day")
                .param("practice", practice.value()).param("scope", scope).param("day", d.day()).update();
        savepoints.insertUnlessPresent(() -> jdbc.sql("""
                insert into analytics_response_day (practice_id, scope, local_day, answered, within_promise,
                       business_median, business_p90, wall_median, wall_p90)
                values (:practice, :scope, :day, :answered, :within, :bm, :b90, :wm, :w90)""")
                .param("practice", practice.value()).param("scope", scope).param("day", d.day())
                .param("answered", d.answered()).param("within", d.withinPromise()).param("bm", d.businessMedian())
                .param("b90", d.businessP90()).param("wm", d.wallMedian()).param("w90", d.wallP90()).update());
    }
}
