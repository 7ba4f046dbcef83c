package io.bedside.practice;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.shared.CareTeamId;
import io.bedside.shared.PracticeId;

/** Each care team's weekly hours ({@code care_team_hours}) and each practice's holidays ({@code practice_holiday}). */
@Repository
class OfficeHoursRows {

    private final JdbcClient jdbc;

    OfficeHoursRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The team's opening windows by weekday, each day's in order. */
    Map<DayOfWeek, List<OfficeHours.Window>> week(PracticeId practice, CareTeamId team) {
        Map<DayOfWeek, List<OfficeHours.Window>> week = new LinkedHashMap<>();
        jdbc.sql("""
                select weekday, opens, closes from care_team_hours
                 where practice_id = :practice and care_team_id = :team order by weekday, opens""")
                .param("practice", practice.value()).param("team", team.value())
                .query(rs -> {
                    week.computeIfAbsent(DayOfWeek.of(rs.getInt("weekday")), d -> new ArrayList<>())
                            .add(new OfficeHours.Window(rs.getObject("opens", LocalTime.class),
                                    rs.getObject("closes", LocalTime.class)));
                });
        return week;
    }

    void replaceWeek(PracticeId practice, CareTeamId team, Map<DayOfWeek, List<OfficeHours.Window>> week) {
        jdbc.sql("delete from care_team_hours where practice_id = :practice and care_team_id = :team")
                .param("practice", practice.value()).param("team", team.value()).update();
        week.forEach((day, windows) -> windows.forEach(w -> jdbc.sql("""
                insert into care_team_hours (practice_id, care_team_id, weekday, opens, closes)
                values (:practice, :team, :day, :opens, :closes)""")
                .param("practice", practice.value()).param("team", team.value()).param("day", day.getValue())
                .param("opens", w.opens()).param("closes", w.closes()).update()));
    }

    Set<LocalDate> holidayDates(PracticeId practice) {
        return new HashSet<>(jdbc.sql("select holiday_date from practice_holiday where practice_id = :practice")
                .param("practice", practice.value()).query(LocalDate.class).list());
    }

    /** The practice's holidays, by date. */
    Map<LocalDate, String> holidays(PracticeId practice) {
        Map<LocalDate, String> days = new TreeMap<>();
        jdbc.sql("select holiday_date, name from practice_holiday where practice_id = :practice")
                .param("practice", practice.value())
                .query(rs -> {
                    days.put(rs.getObject("holiday_date", LocalDate.class), rs.getString("name"));
                });
        return days;
    }

    void replaceHolidays(PracticeId practice, Map<LocalDate, String> days) {
        jdbc.sql("delete from practice_holiday where practice_id = :practice").param("practice", practice.value()).update();
        days.forEach((day, name) -> jdbc.sql("insert into practice_holiday (practice_id, holiday_date, name) values (:p, :d, :n)")
                .param("p", practice.value()).param("d", day).param("n", name).update());
    }
}
