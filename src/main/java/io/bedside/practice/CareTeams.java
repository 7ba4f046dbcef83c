package io.bedside.practice;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.practice.CareTeamRows.TeamRow;
import io.bedside.shared.Actor;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.PracticeId;
import io.bedside.shared.UserId;

/**
 * Care teams, and the one place that decides which of them a caller may see: a patient sees the
 * teams of their own practice (they may write to any of them), staff see the teams they belong to.
 */
@Service
public class CareTeams {

    private final CareTeamRows teams;
    private final OfficeHoursRows hours;
    private final PracticeRows practices;
    private final Clock clock;
    private final TransactionMemo memo;

    CareTeams(CareTeamRows teams, OfficeHoursRows hours, PracticeRows practices, Clock clock, TransactionMemo memo) {
        this.teams = teams;
        this.hours = hours;
        this.practices = practices;
        this.clock = clock;
        this.memo = memo;
    }

    @Transactional
    public CareTeamId create(PracticeId practice, String name, String description, int expectedResponseHours) {
        memo.forget();
        CareTeamId id = CareTeamId.random();
        teams.insert(id, practice, name, description, expectedResponseHours, clock.instant());
        return id;
    }

    @Transactional
    public void addMember(PracticeId practice, CareTeamId team, UserId staff) {
        memo.forget();
        if (!teams.addMember(practice, team, staff, clock.instant())) {
            throw new NotFoundException("No such care team or staff member in this practice.");
        }
    }

    @Transactional
    public void update(PracticeId practice, CareTeamId team, String name, String description, int expectedResponseHours) {
        memo.forget();
        if (!teams.update(practice, team, name, description, expectedResponseHours)) {
            throw new NotFoundException("No such care team.");
        }
    }

    /** Marks the team that answers patients' billing requests; only one team of a practice does. */
    @Transactional
    public void setHandlesBilling(PracticeId practice, CareTeamId team, boolean handlesBilling) {
        memo.forget();
        findInPractice(practice, team).orElseThrow(() -> new NotFoundException("No such care team."));
        if (handlesBilling) {
            teams.clearBillingExcept(practice, team);
        }
        teams.setHandlesBilling(practice, team, handlesBilling);
    }

    /** The team that answers billing requests, if the practice admin named one. */
    public Optional<CareTeam> billingTeam(PracticeId practice) {
        return inPractice(practice).stream().filter(CareTeam::handlesBilling).findFirst();
    }

    /** Takes a member of staff off a team; their conversations stay where they are. */
    @Transactional
    public void removeMember(PracticeId practice, CareTeamId team, UserId staff) {
        memo.forget();
        if (!teams.removeMember(practice, team, staff)) {
            throw new NotFoundException("No such member of this care team.");
        }
    }

    // ------------------------------------------------------------ office hours and contacts

    /** The team's opening hours in the practice's time zone, with the practice's holidays. */
    public OfficeHours officeHours(PracticeId practice, CareTeamId team) {
        return memo.get(List.of("hours", practice, team), () -> {
            ZoneId zone = practices.timeZone(practice).orElse(ZoneOffset.UTC);
            return new OfficeHours(zone, hours.week(practice, team), hours.holidayDates(practice));
        });
    }

    /** Replaces the team's weekly hours; an empty map makes it open around the clock. */
    @Transactional
    public void setOfficeHours(PracticeId practice, CareTeamId team, Map<DayOfWeek, List<OfficeHours.Window>> week) {
        memo.forget();
        findInPractice(practice, team).orElseThrow(() -> new NotFoundException("No such care team."));
        hours.replaceWeek(practice, team, week);
    }

    /** The practice's holidays, by date. */
    public Map<LocalDate, String> holidays(PracticeId practice) {
        return hours.holidays(practice);
    }

    @Transactional
    public void setHolidays(PracticeId practice, Map<LocalDate, String> days) {
        memo.forget();
        hours.replaceHolidays(practice, days);
    }

    /** Who hears of a team's overdue conversations (its lead) and urgent messages (on call). */
    public record Contacts(UserId lead, List<UserId> onCall) {
        public Contacts {
            onCall = List.copyOf(onCall);
        }
    }

    public Contacts contacts(PracticeId practice, CareTeamId team) {
        return memo.get(List.of("contacts", practice, team),
                () -> new Contacts(teams.lead(practice, team).orElse(null), teams.onCall(practice, team)));
    }

    @Transactional
    public void setLead(PracticeId practice, CareTeamId team, UserId lead) {
        memo.forget();
        if (lead != null && !findInPractice(practice, team).map(t -> t.hasMember(lead)).orElse(false)) {
            throw new InvalidRequestException("leadId", "The lead must be a member of the team.");
        }
        if (!teams.setLead(practice, team, lead)) {
            throw new NotFoundException("No such care team.");
        }
    }

    @Transactional
    public void setOnCall(PracticeId practice, CareTeamId team, UserId staff, boolean onCall) {
        memo.forget();
        if (!teams.setOnCall(practice, team, staff, onCall)) {
            throw new NotFoundException("No such member of this care team.");
        }
    }

    /** The teams a patient may write to, or a staff member belongs to. */
    public List<CareTeam> visibleTo(Actor actor) {
        List<TeamRow> rows = actor.isPatient() ? teams.inPractice(actor.practiceId())
                : teams.ofMember(actor.practiceId(), actor.userId());
        return withMembers(actor.practiceId(), rows);
    }

    /** Every team of the practice, by name. */
    public List<CareTeam> inPractice(PracticeId practice) {
        return withMembers(practice, teams.inPractice(practice));
    }

    /** One team, if the caller may see it; otherwise not found, as if it did not exist. */
    public CareTeam find(Actor actor, CareTeamId id) {
        return visibleTo(actor).stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("No such care team."));
    }

    /** Any team of the practice, for services that have already decided access themselves. */
    public Optional<CareTeam> findInPractice(PracticeId practice, CareTeamId id) {
        return memo.get(List.of("team", practice, id),
                () -> withMembers(practice, teams.find(practice, id).stream().toList()).stream().findFirst());
    }

    private List<CareTeam> withMembers(PracticeId practice, List<TeamRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<CareTeamId, List<StaffMember>> members = teams.activeMembers(practice,
                rows.stream().map(TeamRow::id).toList());
        return rows.stream().map(r -> new CareTeam(r.id(), practice, r.name(), r.description(), r.hours(),
                members.getOrDefault(r.id(), List.of()), r.handlesBilling())).toList();
    }
}
