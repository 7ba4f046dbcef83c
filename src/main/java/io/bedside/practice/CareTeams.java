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

    /** Marks the team that answers patients' billing requests; only one team of a practice does. */
    @Transactional
    public void setHandlesBilling(PracticeId practice, CareTeamId team, boolean handlesBilling) {
        findInPractice(practice, team).orElseThrow(() -> new NotFoundException("No such care team."));
        if (handlesBilling) {
            jdbc.sql("update care_team set handles_billing = false where practice_id = :practice and id <> :team")
                    .param("practice", practice.value()).param("team", team.value()).update();
        }
        jdbc.sql("update care_team set handles_billing = :b where practice_id = :practice and id = :team")
                .param("b", handlesBilling).param("practice", practice.value()).param("team", team.value()).update();
    }

    /** The team that answers billing requests, if the practice admin named one. */
    public java.util.Optional<CareTeam> billingTeam(PracticeId practice) {
        return inPractice(practice).stream().filter(CareTeam::handlesBilling).findFirst();
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

    // ------------------------------------------------------------ office hours and contacts

    /** The team's opening hours in the practice's time zone, with the practice's holidays. */
    public OfficeHours officeHours(PracticeId practice, CareTeamId team) {
        java.time.ZoneId zone = jdbc.sql("select time_zone from practice where id = :practice")
                .param("practice", practice.value()).query(String.class).optional()
                .map(java.time.ZoneId::of).orElse(java.time.ZoneOffset.UTC);
        Map<java.time.DayOfWeek, List<OfficeHours.Window>> week = new LinkedHashMap<>();
        jdbc.sql("""
                select weekday, opens, closes from care_team_hours
                 where practice_id = :practice and care_team_id = :team order by weekday, opens""")
                .param("practice", practice.value()).param("team", team.value())
                .query(rs -> {
                    week.computeIfAbsent(java.time.DayOfWeek.of(rs.getInt("weekday")), d -> new ArrayList<>())
                            .add(new OfficeHours.Window(rs.getObject("opens", java.time.LocalTime.class),
                                    rs.getObject("closes", java.time.LocalTime.class)));
                });
        java.util.Set<java.time.LocalDate> holidays = new java.util.HashSet<>(jdbc.sql(
                "select holiday_date from practice_holiday where practice_id = :practice")
                .param("practice", practice.value()).query(java.time.LocalDate.class).list());
        return new OfficeHours(zone, week, holidays);
    }

    /** Replaces the team's weekly hours; an empty map makes it open around the clock. */
    @Transactional
    public void setOfficeHours(PracticeId practice, CareTeamId team, Map<java.time.DayOfWeek, List<OfficeHours.Window>> week) {
        findInPractice(practice, team).orElseThrow(() -> new NotFoundException("No such care team."));
        jdbc.sql("delete from care_team_hours where practice_id = :practice and care_team_id = :team")
                .param("practice", practice.value()).param("team", team.value()).update();
        week.forEach((day, windows) -> windows.forEach(w -> jdbc.sql("""
                insert into care_team_hours (practice_id, care_team_id, weekday, opens, closes)
                values (:practice, :team, :day, :opens, :closes)""")
                .param("practice", practice.value()).param("team", team.value()).param("day", day.getValue())
                .param("opens", w.opens()).param("closes", w.closes()).update()));
    }

    /** The practice's holidays, by date. */
    public Map<java.time.LocalDate, String> holidays(PracticeId practice) {
        Map<java.time.LocalDate, String> days = new java.util.TreeMap<>();
        jdbc.sql("select holiday_date, name from practice_holiday where practice_id = :practice")
                .param("practice", practice.value())
                .query(rs -> {
                    days.put(rs.getObject("holiday_date", java.time.LocalDate.class), rs.getString("name"));
                });
        return days;
    }

    @Transactional
    public void setHolidays(PracticeId practice, Map<java.time.LocalDate, String> days) {
        jdbc.sql("delete from practice_holiday where practice_id = :practice").param("practice", practice.value()).update();
        days.forEach((day, name) -> jdbc.sql("insert into practice_holiday (practice_id, holiday_date, name) values (:p, :d, :n)")
                .param("p", practice.value()).param("d", day).param("n", name).update());
    }

    /** Who hears of a team's overdue conversations (its lead) and urgent messages (on call). */
    public record Contacts(UserId lead, List<UserId> onCall) {
        public Contacts {
            onCall = List.copyOf(onCall);
        }
    }

    public Contacts contacts(PracticeId practice, CareTeamId team) {
        UserId lead = jdbc.sql("select lead_id from care_team where id = :team and practice_id = :practice")
                .param("team", team.value()).param("practice", practice.value())
                .query((rs, n) -> rs.getObject("lead_id", UUID.class)).optional().filter(java.util.Objects::nonNull)
                .map(UserId::of).orElse(null);
        List<UserId> onCall = jdbc.sql("""
                select m.staff_id from care_team_member m join staff s on s.id = m.staff_id and s.active
                 where m.practice_id = :practice and m.care_team_id = :team and m.on_call""")
                .param("practice", practice.value()).param("team", team.value())
                .query((rs, n) -> UserId.of(rs.getObject("staff_id", UUID.class))).list();
        return new Contacts(lead, onCall);
    }

    @Transactional
    public void setLead(PracticeId practice, CareTeamId team, UserId lead) {
        if (lead != null && !findInPractice(practice, team).map(t -> t.hasMember(lead)).orElse(false)) {
            throw new io.bedside.shared.InvalidRequestException("leadId", "The lead must be a member of the team.");
        }
        int changed = jdbc.sql("update care_team set lead_id = :lead where id = :team and practice_id = :practice")
                .param("lead", lead == null ? null : lead.value()).param("team", team.value())
                .param("practice", practice.value()).update();
        if (changed != 1) {
            throw new NotFoundException("No such care team.");
        }
    }

    @Transactional
    public void setOnCall(PracticeId practice, CareTeamId team, UserId staff, boolean onCall) {
        int changed = jdbc.sql("""
                update care_team_member set on_call = :onCall
                 where practice_id = :practice and care_team_id = :team and staff_id = :staff""")
                .param("onCall", onCall).param("practice", practice.value()).param("team", team.value())
                .param("staff", staff.value()).update();
        if (changed != 1) {
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
                rs.getString("name"), rs.getString("description"), rs.getInt("expected_response_hours"),
                rs.getBoolean("handles_billing"))).list();
        return withMembers(actor.practiceId(), rows);
    }

    /** Every team of the practice, by name. */
    public List<CareTeam> inPractice(PracticeId practice) {
        List<TeamRow> rows = jdbc.sql("select * from care_team where practice_id = :practice order by name")
                .param("practice", practice.value())
                .query((rs, n) -> new TeamRow(CareTeamId.of(rs.getObject("id", UUID.class)), rs.getString("name"),
                        rs.getString("description"), rs.getInt("expected_response_hours"),
                        rs.getBoolean("handles_billing")))
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
                        rs.getString("description"), rs.getInt("expected_response_hours"),
                        rs.getBoolean("handles_billing")))
                .list();
        return withMembers(practice, rows).stream().findFirst();
    }

    private record TeamRow(CareTeamId id, String name, String description, int hours, boolean handlesBilling) {
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
                members.getOrDefault(r.id(), List.of()), r.handlesBilling())).toList();
    }
}
