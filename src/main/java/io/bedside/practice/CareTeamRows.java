package io.bedside.practice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.shared.CareTeamId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/** The care teams ({@code care_team}) and their members ({@code care_team_member}). */
@Repository
class CareTeamRows {

    /** A team as stored, before its members are added. */
    record TeamRow(CareTeamId id, String name, String description, int hours, boolean handlesBilling) {
    }

    private final JdbcClient jdbc;

    CareTeamRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(CareTeamId id, PracticeId practice, String name, String description, int expectedResponseHours,
            Instant now) {
        jdbc.sql("""
                insert into care_team (id, practice_id, name, description, expected_response_hours, created_at)
                values (:id, :practice, :name, :description, :hours, :now)""")
                .param("id", id.value())
                .param("practice", practice.value())
                .param("name", name)
                .param("description", description)
                .param("hours", expectedResponseHours)
                .param("now", Timestamps.toDb(now))
                .update();
    }

    /** Adds a member of staff of the team's practice; false when the team or the staff member is not there. */
    boolean addMember(PracticeId practice, CareTeamId team, UserId staff, Instant now) {
        return jdbc.sql("""
                insert into care_team_member (practice_id, care_team_id, staff_id, added_at)
                select t.practice_id, t.id, s.id, :now
                  from care_team t join staff s on s.practice_id = t.practice_id
                 where t.id = :team and s.id = :staff and t.practice_id = :practice""")
                .param("practice", practice.value())
                .param("team", team.value())
                .param("staff", staff.value())
                .param("now", Timestamps.toDb(now))
                .update() == 1;
    }

    boolean update(PracticeId practice, CareTeamId team, String name, String description, int expectedResponseHours) {
        return jdbc.sql("""
                update care_team set name = :name, description = :description, expected_response_hours = :hours
                 where id = :id and practice_id = :practice""")
                .param("name", name).param("description", description).param("hours", expectedResponseHours)
                .param("id", team.value()).param("practice", practice.value())
                .update() == 1;
    }

    void clearBillingExcept(PracticeId practice, CareTeamId team) {
        jdbc.sql("update care_team set handles_billing = false where practice_id = :practice and id <> :team")
                .param("practice", practice.value()).param("team", team.value()).update();
    }

    void setHandlesBilling(PracticeId practice, CareTeamId team, boolean handlesBilling) {
        jdbc.sql("update care_team set handles_billing = :b where practice_id = :practice and id = :team")
                .param("b", handlesBilling).param("practice", practice.value()).param("team", team.value()).update();
    }

    boolean removeMember(PracticeId practice, CareTeamId team, UserId staff) {
        return jdbc.sql("""
                delete from care_team_member where practice_id = :practice and care_team_id = :team and staff_id = :staff""")
                .param("practice", practice.value()).param("team", team.value()).param("staff", staff.value())
                .update() == 1;
    }

    /** The team's lead, if it has one. */
    Optional<UserId> lead(PracticeId practice, CareTeamId team) {
        return jdbc.sql("select lead_id from care_team where id = :team and practice_id = :practice")
                .param("team", team.value()).param("practice", practice.value())
                .query((rs, n) -> rs.getObject("lead_id", UUID.class)).optional().filter(Objects::nonNull)
                .map(UserId::of);
    }

    /** The team's active members who are on call. */
    List<UserId> onCall(PracticeId practice, CareTeamId team) {
        return jdbc.sql("""
                select m.staff_id from care_team_member m join staff s on s.id = m.staff_id and s.active
                 where m.practice_id = :practice and m.care_team_id = :team and m.on_call""")
                .param("practice", practice.value()).param("team", team.value())
                .query((rs, n) -> UserId.of(rs.getObject("staff_id", UUID.class))).list();
    }

    boolean setLead(PracticeId practice, CareTeamId team, UserId lead) {
        return jdbc.sql("update care_team set lead_id = :lead where id = :team and practice_id = :practice")
                .param("lead", lead == null ? null : lead.value()).param("team", team.value())
                .param("practice", practice.value()).update() == 1;
    }

    boolean setOnCall(PracticeId practice, CareTeamId team, UserId staff, boolean onCall) {
        return jdbc.sql("""
                update care_team_member set on_call = :onCall
                 where practice_id = :practice and care_team_id = :team and staff_id = :staff""")
                .param("onCall", onCall).param("practice", practice.value()).param("team", team.value())
                .param("staff", staff.value()).update() == 1;
    }

    /** Every team of the practice, by name. */
    List<TeamRow> inPractice(PracticeId practice) {
        return jdbc.sql("select * from care_team where practice_id = :practice order by name")
                .param("practice", practice.value())
                .query(CareTeamRows::map)
                .list();
    }

    /** The teams a member of staff belongs to, by name. */
    List<TeamRow> ofMember(PracticeId practice, UserId staff) {
        return jdbc.sql("""
                  select t.* from care_team t
                    join care_team_member m on m.care_team_id = t.id and m.practice_id = t.practice_id
                   where t.practice_id = :practice and m.staff_id = :user
                   order by t.name""")
                .param("practice", practice.value())
                .param("user", staff.value())
                .query(CareTeamRows::map)
                .list();
    }

    Optional<TeamRow> find(PracticeId practice, CareTeamId id) {
        return jdbc.sql("select * from care_team where id = :id and practice_id = :practice")
                .param("id", id.value()).param("practice", practice.value())
                .query(CareTeamRows::map)
                .optional();
    }

    /** The active members of the given teams, by team, each team's by name. */
    Map<CareTeamId, List<StaffMember>> activeMembers(PracticeId practice, List<CareTeamId> teams) {
        Map<CareTeamId, List<StaffMember>> members = new LinkedHashMap<>();
        jdbc.sql("""
                select m.care_team_id, s.* from care_team_member m
                  join staff s on s.id = m.staff_id and s.practice_id = m.practice_id
                 where m.practice_id = :practice and m.care_team_id in (:teams) and s.active
                 order by s.display_name""")
                .param("practice", practice.value())
                .param("teams", teams.stream().map(CareTeamId::value).toList())
                .query(rs -> {
                    members.computeIfAbsent(CareTeamId.of(rs.getObject("care_team_id", UUID.class)),
                            k -> new ArrayList<>()).add(StaffRows.map(rs, rs.getRow()));
                });
        return members;
    }

    private static TeamRow map(ResultSet rs, int n) throws SQLException {
        return new TeamRow(CareTeamId.of(rs.getObject("id", UUID.class)), rs.getString("name"),
                rs.getString("description"), rs.getInt("expected_response_hours"), rs.getBoolean("handles_billing"));
    }
}
