package io.bedside.admin;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.practice.CareTeam;
import io.bedside.practice.CareTeams;
import io.bedside.practice.OfficeHours;
import io.bedside.shared.Actor;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.UserId;

/**
 * A practice admin's care teams: creating and changing them, their members, office hours, lead
 * and on-call staff, and the practice's holidays. Every method checks the caller as
 * {@link Actor#requireAdmin()} does; another practice's team is not found. Every change is on the
 * audit trail ({@code team.changed}).
 */
@Service
public class CareTeamAdministration {

    public static final int MAX_RESPONSE_HOURS = 24 * 30;

    private final CareTeams careTeams;
    private final AuditTrail audit;

    CareTeamAdministration(CareTeams careTeams, AuditTrail audit) {
        this.careTeams = careTeams;
        this.audit = audit;
    }

    public List<CareTeam> teams(Actor actor) {
        actor.requireAdmin();
        return careTeams.inPractice(actor.practiceId());
    }

    public CareTeam team(Actor actor, CareTeamId id) {
        actor.requireAdmin();
        return careTeams.findInPractice(actor.practiceId(), id)
                .orElseThrow(() -> new NotFoundException("No such care team."));
    }

    @Transactional
    public CareTeamId createTeam(Actor actor, String name, String description, String hours) {
        actor.requireAdmin();
        try {
            CareTeamId id = careTeams.create(actor.practiceId(), checkedName(name), checkedDescription(description),
                    checkedHours(hours));
            audit.record(AuditRecord.allowed(actor, null, "team.changed", "care_team", id));
            return id;
        } catch (DuplicateKeyException e) {
            throw new InvalidRequestException("name", "There is already a care team with this name.");
        }
    }

    @Transactional
    public void updateTeam(Actor actor, CareTeamId id, String name, String description, String hours) {
        actor.requireAdmin();
        try {
            careTeams.update(actor.practiceId(), id, checkedName(name), checkedDescription(description),
                    checkedHours(hours));
        } catch (DuplicateKeyException e) {
            throw new InvalidRequestException("name", "There is already a care team with this name.");
        }
        audit.record(AuditRecord.allowed(actor, null, "team.changed", "care_team", id));
    }

    /** Marks (or unmarks) the team that answers patients' billing requests. */
    @Transactional
    public void setHandlesBilling(Actor actor, CareTeamId id, boolean handlesBilling) {
        CareTeam current = team(actor, id);
        if (current.handlesBilling() == handlesBilling) {
            return;
        }
        careTeams.setHandlesBilling(actor.practiceId(), id, handlesBilling);
        audit.record(AuditRecord.allowed(actor, null, "team.changed", "care_team", id));
    }

    @Transactional
    public void addMember(Actor actor, CareTeamId team, UserId staff) {
        CareTeam current = team(actor, team);
        if (current.hasMember(staff)) {
            return;
        }
        careTeams.addMember(actor.practiceId(), team, staff);
        audit.record(AuditRecord.allowed(actor, null, "team.changed", "care_team", team));
    }

    @Transactional
    public void removeMember(Actor actor, CareTeamId team, UserId staff) {
        actor.requireAdmin();
        careTeams.removeMember(actor.practiceId(), team, staff);
        audit.record(AuditRecord.allowed(actor, null, "team.changed", "care_team", team));
    }

    /** A team's weekly hours as the form gives them: for each day "08:00"-"17:00", or blanks for closed. */
    @Transactional
    public void setOfficeHours(Actor actor, CareTeamId team, Map<DayOfWeek, String[]> days) {
        team(actor, team);
        Map<DayOfWeek, List<OfficeHours.Window>> week =
                new EnumMap<>(DayOfWeek.class);
        days.forEach((day, times) -> {
            String opens = times[0] == null ? "" : times[0].strip();
            String closes = times[1] == null ? "" : times[1].strip();
            if (opens.isEmpty() && closes.isEmpty()) {
                return;
            }
            String field = "hours." + day.name().toLowerCase(Locale.ROOT);
            try {
                week.put(day, List.of(new OfficeHours.Window(LocalTime.parse(opens),
                        LocalTime.parse(closes))));
            } catch (RuntimeException e) {
                throw new InvalidRequestException(field, "Give opening and closing times such as 08:00 and 17:00, "
                        + "closing after opening, or leave both empty for a closed day.");
            }
        });
        careTeams.setOfficeHours(actor.practiceId(), team, week);
        audit.record(AuditRecord.allowed(actor, null, "team.changed", "care_team", team));
    }

    /** Who leads the team (hears of overdue conversations) and who is on call (hears of urgent ones). */
    @Transactional
    public void setContacts(Actor actor, CareTeamId team, UserId lead, Set<UserId> onCall) {
        CareTeam current = team(actor, team);
        careTeams.setLead(actor.practiceId(), team, lead);
        for (var member : current.members()) {
            careTeams.setOnCall(actor.practiceId(), team, member.id(), onCall.contains(member.id()));
        }
        audit.record(AuditRecord.allowed(actor, null, "team.changed", "care_team", team));
    }

    public CareTeams.Contacts contacts(Actor actor, CareTeamId team) {
        team(actor, team);
        return careTeams.contacts(actor.practiceId(), team);
    }

    public OfficeHours officeHours(Actor actor, CareTeamId team) {
        team(actor, team);
        return careTeams.officeHours(actor.practiceId(), team);
    }

    /** The practice's holidays, one a line: "2026-12-25 Christmas Day". */
    @Transactional
    public void setHolidays(Actor actor, String lines) {
        actor.requireAdmin();
        Map<LocalDate, String> days = new TreeMap<>();
        for (String line : (lines == null ? "" : lines).split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] parts = trimmed.split("\\s+", 2);
            try {
                days.put(LocalDate.parse(parts[0]), parts.length > 1 ? parts[1] : "Holiday");
            } catch (RuntimeException e) {
                throw new InvalidRequestException("holidays", "Write one holiday a line, a date first: 2026-12-25 Christmas Day.");
            }
        }
        careTeams.setHolidays(actor.practiceId(), days);
        audit.record(AuditRecord.allowed(actor, null, "team.changed", "practice", actor.practiceId()));
    }

    public Map<LocalDate, String> holidays(Actor actor) {
        actor.requireAdmin();
        return careTeams.holidays(actor.practiceId());
    }

    private static String checkedName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidRequestException("name", "Give the team a name patients will recognise.");
        }
        if (name.strip().length() > 200) {
            throw new InvalidRequestException("name", "The name is too long: at most 200 characters.");
        }
        return name.strip();
    }

    private static String checkedDescription(String description) {
        if (description != null && description.strip().length() > 1000) {
            throw new InvalidRequestException("description", "The description is too long: at most 1,000 characters.");
        }
        return description == null || description.isBlank() ? null : description.strip();
    }

    private static int checkedHours(String hours) {
        try {
            int value = Integer.parseInt(hours == null ? "" : hours.strip());
            if (value >= 1 && value <= MAX_RESPONSE_HOURS) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequestException("expectedResponseHours",
                "Say within how many business hours the team answers: 1 to " + MAX_RESPONSE_HOURS + ".");
    }
}
