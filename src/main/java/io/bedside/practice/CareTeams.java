package io.bedside.practice;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.shared.Actor;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/**
 * Care teams, and the one place that decides which of them a caller may see: a patient sees the
 * teams of their own practice (they may write to any of them), staff see the teams they belong to.
 */
@Service
public class CareTeams {

    private final JdbcClient jdbc;
    private final Clock clock;

    CareTeams(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public CareTeamId create(PracticeId practice, String name, String description, int expectedResponseHours) {
        CareTeamId id = CareTeamId.random();
        jdbc.sql("""
                insert into care_team (id, practice_id, name, description, expected_response_hours, created_at)
                values (:id, :practice, :name, :description, :hours, :now)""")
                .param("id", id.value())
                .param("practice", practice.value())
                .param("name", name)
                .param("description", description)
                .param("hours", expectedResponseHours)
                .param("now", Timestamps.toDb(clock.instant()))
                .update();
        return id;
    }

    @Transactional
    public void addMember(PracticeId practice, CareTeamId team, UserId staff) {
        int added = jdbc.sql("""
                insert into care_team_member (practice_id, care_team_id, staff_id, added_at)
                select t.practice_id, t.id, s.id, :now
                  from care_team t join staff s on s.practice_id = t.practice_id
                 where t.id = :team and s.id = :staff and t.practice_id = :practice""")
                .param("practice", practice.value())
                .param("team", team.value())
                .param("staff", staff.value())
                .param("now", Timestamps.toDb(clock.instant()))
                .update();
        if (added != 1) {
            throw new NotFoundException("No such care team or staff member in this practice.");
        }
    }

    @Transactional
    public void update(PracticeId practice, CareTeamId team, String name, String description, int expectedResponseHours) {
        int changed = jdbc.sql("""
                update care_team set name = :name, description = :description, expected_response_hours = :hours
                 where id = :id and practice_id = :practice""")
                .param("name", name).param("description", description).param("hours", expectedResponseHours)
                .param("id", team.value()).param("practice", practice.value())
                .update();
        if (changed != 1) {
            throw new NotFoundException("No such care team.");
        }
    }

    /** Takes a member of staff off a team; their conversations stay where they are. */
    @Transactional
    public void removeMember(PracticeId practice, CareTeamId team, UserId staff) {
        int removed = jdbc.sql("""
                delete from care_team_member where practice_id = :practice and care_team_id = :team and staff_id = :staff""")
                .param("practice", practice.value()).param("team", team.value()).param("staff", staff.value())
                .update();
        if (removed != 1) {
            throw new NotFoundException("No such member of this care team.");
        }
    }

    /** The teams a patient may write to, or a staff member belongs to. */
    public List<CareTeam> visibleTo(Actor actor) {
        String sql = actor.isPatient()
                ? "select * from care_team t where t.practice_id = :practice order by t.name"
                : """
                  select t.* from care_team t
                    join care_team_member m on m.care_team_id = t.id and m.practice_id = t.practice_id
                   where t.practice_id = :practice and m.staff_id = :user
                   order by t.name""";
        var query = jdbc.sql(sql).param("practice", actor.practiceId().value());
        if (actor.isStaff()) {
            query = query.param("user", actor.userId().value());
        }
        List<TeamRow> rows = query.query((rs, n) -> new TeamRow(CareTeamId.of(rs.getObject("id", UUID.class)),
                rs.getString("name"), rs.getString("description"), rs.getInt("expected_response_hours"))).list();
        return withMembers(actor.practiceId(), rows);
    }

    /** Every team of the practice, by name. */
    public List<CareTeam> inPractice(PracticeId practice) {
        List<TeamRow> rows = jdbc.sql("select * from care_team where practice_id = :practice order by name")
                .param("practice", practice.value())
                .query((rs, n) -> new TeamRow(CareTeamId.of(rs.getObject("id", UUID.class)), rs.getString("name"),
                        rs.getString("description"), rs.getInt("expected_response_hours")))
                .list();
        return withMembers(practice, rows);
    }

    /** One team, if the caller may see it; otherwise not found, as if it did not exist. */
    public CareTeam find(Actor actor, CareTeamId id) {
        return visibleTo(actor).stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("No such care team."));
    }

    /** Any team of the practice, for services that have already decided access themselves. */
    public java.util.Optional<CareTeam> findInPractice(PracticeId practice, CareTeamId id) {
        List<TeamRow> rows = jdbc.sql("select * from care_team where id = :id and practice_id = :practice")
                .param("id", id.value()).param("practice", practice.value())
                .query((rs, n) -> new TeamRow(CareTeamId.of(rs.getObject("id", UUID.class)), rs.getString("name"),
                        rs.getString("description"), rs.getInt("expected_response_hours")))
                .list();
        return withMembers(practice, rows).stream().findFirst();
    }

    private record TeamRow(CareTeamId id, String name, String description, int hours) {
    }

    private List<CareTeam> withMembers(PracticeId practice, List<TeamRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<CareTeamId, List<StaffMember>> members = new LinkedHashMap<>();
        jdbc.sql("""
                select m.care_team_id, s.* from care_team_member m
                  join staff s on s.id = m.staff_id and s.practice_id = m.practice_id
                 where m.practice_id = :practice and m.care_team_id in (:teams) and s.active
                 order by s.display_name""")
                .param("practice", practice.value())
                .param("teams", rows.stream().map(r -> r.id().value()).toList())
                .query(rs -> {
                    members.computeIfAbsent(CareTeamId.of(rs.getObject("care_team_id", UUID.class)),
                            k -> new ArrayList<>()).add(StaffDirectory.map(rs, rs.getRow()));
                });
        return rows.stream().map(r -> new CareTeam(r.id(), practice, r.name(), r.description(), r.hours(),
                members.getOrDefault(r.id(), List.of()))).toList();
    }
}
