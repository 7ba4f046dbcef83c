package io.bedside.analytics.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
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

    AnalyticsRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
                       wall_seconds = :wall, within_promise = :within
                 where conversation_id = :id and started_seq = :seq and ended_at is null""")
                .param("at", Timestamps.toDb(at)).param("by", by.value()).param("business", businessSeconds)
                .param("wall", wallSeconds).param("within", withinPromise).param("id", id.value()).param("seq", seq)
                .update();
    }

    /** The team closed the conversation or left it waiting on the patient: the wait ends unanswered. */
    void endUnanswered(ConversationId id, Instant at) {
        jdbc.sql("update analytics_wait set ended_at = :at where conversation_id = :id and ended_at is null")
                .param("at", Timestamps.toDb(at)).param("id", id.value()).update();
    }

    // ------------------------------------------------------------ reads

    /** One group's first-response figures, durations in seconds (null when nothing was answered). */
    record ResponseRow(String key, long answered, Double businessMedian, Double businessP90, Double wallMedian,
            Double wallP90, long withinPromise) {
    }

    /** A volume bucket as counted: its day, or weekday and hour, or hour. */
    record VolumeRow(LocalDate day, Integer weekday, Integer hour, long conversations, long afterHours) {
    }

    record Totals(long conversations, long afterHours, long overdue, long urgent, long patientMessages,
            long staffMessages) {
    }

    /** The column a response-time grouping groups by; null: the whole selection in one row. */
    enum ResponseKey {
        TEAM("care_team_id"), KIND("kind"), STAFF("answered_by"), DAY("local_day");

        final String column;

        ResponseKey(String column) {
            this.column = column;
        }
    }

    /**
     * First-response figures of the answered waits that started on these days (both included), of
     * these teams (all teams of the practice when {@code teams} is null), grouped by {@code key}
     * (null: one row for the whole selection). Percentiles are interpolated (percentile_cont).
     */
    List<ResponseRow> responseTimes(PracticeId practice, LocalDate from, LocalDate to, Collection<CareTeamId> teams,
            ResponseKey key) {
        String select = key == null ? "'total'" : "cast(" + key.column + " as varchar(40))";
        String sql = "select " + select + " as k, count(*) as answered,"
                + " percentile_cont(0.5) within group (order by business_seconds) as bm,"
                + " percentile_cont(0.9) within group (order by business_seconds) as b90,"
                + " percentile_cont(0.5) within group (order by wall_seconds) as wm,"
                + " percentile_cont(0.9) within group (order by wall_seconds) as w90,"
                + " sum(case when within_promise then 1 else 0 end) as within_promise"
                + " from analytics_wait where practice_id = :practice and local_day between :from and :to"
                + " and answered_by is not null" + (teams == null ? "" : " and care_team_id in (:teams)")
                + (key == null ? "" : " group by " + key.column);
        var spec = jdbc.sql(sql).param("practice", practice.value()).param("from", from).param("to", to);
        if (teams != null) {
            spec = spec.param("teams", teams.stream().map(CareTeamId::value).toList());
        }
        return spec.query((rs, n) -> new ResponseRow(rs.getString("k"), rs.getLong("answered"), dbl(rs, "bm"),
                dbl(rs, "b90"), dbl(rs, "wm"), dbl(rs, "w90"), rs.getLong("within_promise"))).list();
    }

    /** Conversations started on these days, of these teams (null: all), not by a campaign, by bucket. */
    List<VolumeRow> volume(PracticeId practice, LocalDate from, LocalDate to, Collection<CareTeamId> teams,
            String groupColumns) {
        String sql = "select " + groupColumns + ", count(*) as n, sum(case when after_hours then 1 else 0 end) as ah"
                + " from analytics_conversation where practice_id = :practice and local_day between :from and :to"
                + " and from_campaign = false" + (teams == null ? "" : " and care_team_id in (:teams)")
                + " group by " + groupColumns;
        var spec = jdbc.sql(sql).param("practice", practice.value()).param("from", from).param("to", to);
        if (teams != null) {
            spec = spec.param("teams", teams.stream().map(CareTeamId::value).toList());
        }
        return spec.query((rs, n) -> new VolumeRow(
                groupColumns.contains("local_day") ? rs.getObject("local_day", LocalDate.class) : null,
                groupColumns.contains("local_weekday") ? rs.getInt("local_weekday") : null,
                groupColumns.contains("local_hour") ? rs.getInt("local_hour") : null, rs.getLong("n"),
                rs.getLong("ah"))).list();
    }

    Totals totals(PracticeId practice, LocalDate from, LocalDate to, Collection<CareTeamId> teams) {
        String sql = "select count(*) as n, sum(case when after_hours then 1 else 0 end) as ah,"
                + " sum(case when overdue then 1 else 0 end) as od, sum(case when urgent then 1 else 0 end) as ur,"
                + " sum(patient_messages) as pm, sum(staff_messages) as sm"
                + " from analytics_conversation where practice_id = :practice and local_day between :from and :to"
                + " and from_campaign = false" + (teams == null ? "" : " and care_team_id in (:teams)");
        var spec = jdbc.sql(sql).param("practice", practice.value()).param("from", from).param("to", to);
        if (teams != null) {
            spec = spec.param("teams", teams.stream().map(CareTeamId::value).toList());
        }
        return spec.query((rs, n) -> new Totals(rs.getLong("n"), rs.getLong("ah"), rs.getLong("od"), rs.getLong("ur"),
                rs.getLong("pm"), rs.getLong("sm"))).single();
    }

    private static Double dbl(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
