package io.bedside.admin;

import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.audit.AuditChain;
import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.audit.ChainVerification;
import io.bedside.identity.Accounts;
import io.bedside.practice.CareTeam;
import io.bedside.practice.CareTeams;
import io.bedside.shared.Actor;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.ForbiddenException;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.StaffRole;
import io.bedside.shared.UserId;
import io.bedside.shared.UnprocessableException;

/**
 * What a practice admin may do to their practice. Every method checks the caller: a patient is
 * answered not found (there is nothing here for them), other staff forbidden; ids of another
 * practice are not found. Every change is on the audit trail.
 */
@Service
public class PracticeAdministration {

    public static final int MAX_RESPONSE_HOURS = 24 * 30;

    private final CareTeams careTeams;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final AuditChain chain;
    private final io.bedside.audit.AuditReports reports;
    private final io.bedside.patient.Patients patients;
    private final io.bedside.identity.PatientLinks patientLinks;
    private final io.bedside.identity.Passwords passwords;

    PracticeAdministration(CareTeams careTeams, Accounts accounts, AuditTrail audit, AuditChain chain,
            io.bedside.audit.AuditReports reports, io.bedside.patient.Patients patients,
            io.bedside.identity.PatientLinks patientLinks, io.bedside.identity.Passwords passwords) {
        this.patientLinks = patientLinks;
        this.passwords = passwords;
        this.careTeams = careTeams;
        this.accounts = accounts;
        this.audit = audit;
        this.chain = chain;
        this.reports = reports;
        this.patients = patients;
    }

    // ------------------------------------------------------------ care teams

    public List<CareTeam> teams(Actor actor) {
        requireAdmin(actor);
        return careTeams.inPractice(actor.practiceId());
    }

    public CareTeam team(Actor actor, CareTeamId id) {
        requireAdmin(actor);
        return careTeams.findInPractice(actor.practiceId(), id)
                .orElseThrow(() -> new NotFoundException("No such care team."));
    }

    @Transactional
    public CareTeamId createTeam(Actor actor, String name, String description, String hours) {
        requireAdmin(actor);
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
        requireAdmin(actor);
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
        requireAdmin(actor);
        careTeams.removeMember(actor.practiceId(), team, staff);
        audit.record(AuditRecord.allowed(actor, null, "team.changed", "care_team", team));
    }

    /** A team's weekly hours as the form gives them: for each day "08:00"-"17:00", or blanks for closed. */
    @Transactional
    public void setOfficeHours(Actor actor, CareTeamId team, java.util.Map<java.time.DayOfWeek, String[]> days) {
        team(actor, team);
        java.util.Map<java.time.DayOfWeek, List<io.bedside.practice.OfficeHours.Window>> week =
                new java.util.EnumMap<>(java.time.DayOfWeek.class);
        days.forEach((day, times) -> {
            String opens = times[0] == null ? "" : times[0].strip();
            String closes = times[1] == null ? "" : times[1].strip();
            if (opens.isEmpty() && closes.isEmpty()) {
                return;
            }
            String field = "hours." + day.name().toLowerCase(java.util.Locale.ROOT);
            try {
                week.put(day, List.of(new io.bedside.practice.OfficeHours.Window(java.time.LocalTime.parse(opens),
                        java.time.LocalTime.parse(closes))));
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
    public void setContacts(Actor actor, CareTeamId team, UserId lead, java.util.Set<UserId> onCall) {
        CareTeam current = team(actor, team);
        careTeams.setLead(actor.practiceId(), team, lead);
        for (var member : current.members()) {
            careTeams.setOnCall(actor.practiceId(), team, member.id(), onCall.contains(member.id()));
        }
        audit.record(AuditRecord.allowed(actor, null, "team.changed", "care_team", team));
    }

    public io.bedside.practice.CareTeams.Contacts contacts(Actor actor, CareTeamId team) {
        team(actor, team);
        return careTeams.contacts(actor.practiceId(), team);
    }

    public io.bedside.practice.OfficeHours officeHours(Actor actor, CareTeamId team) {
        team(actor, team);
        return careTeams.officeHours(actor.practiceId(), team);
    }

    /** The practice's holidays, one a line: "2026-12-25 Christmas Day". */
    @Transactional
    public void setHolidays(Actor actor, String lines) {
        requireAdmin(actor);
        java.util.Map<java.time.LocalDate, String> days = new java.util.TreeMap<>();
        for (String line : (lines == null ? "" : lines).split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] parts = trimmed.split("\\s+", 2);
            try {
                days.put(java.time.LocalDate.parse(parts[0]), parts.length > 1 ? parts[1] : "Holiday");
            } catch (RuntimeException e) {
                throw new InvalidRequestException("holidays", "Write one holiday a line, a date first: 2026-12-25 Christmas Day.");
            }
        }
        careTeams.setHolidays(actor.practiceId(), days);
        audit.record(AuditRecord.allowed(actor, null, "team.changed", "practice", actor.practiceId()));
    }

    public java.util.Map<java.time.LocalDate, String> holidays(Actor actor) {
        requireAdmin(actor);
        return careTeams.holidays(actor.practiceId());
    }

    // ------------------------------------------------------------ staff

    public List<Accounts.StaffAccount> staff(Actor actor) {
        requireAdmin(actor);
        return accounts.staffAccounts(actor.practiceId());
    }

    @Transactional
    public Accounts.StaffInvitation invite(Actor actor, String email, String displayName, String role, String title) {
        requireAdmin(actor);
        StaffRole parsed;
        try {
            parsed = role == null || role.isBlank() ? null : StaffRole.fromCode(role);
        } catch (IllegalArgumentException e) {
            parsed = null;
        }
        Accounts.StaffInvitation invitation = accounts.inviteStaff(actor.practiceId(), email, displayName, parsed,
                title);
        audit.record(AuditRecord.allowed(actor, null, "staff.invited", "staff", invitation.member().id()));
        return invitation;
    }

    @Transactional
    public Accounts.StaffInvitation reinvite(Actor actor, UserId staff) {
        requireAdmin(actor);
        Accounts.StaffInvitation invitation = accounts.reinviteStaff(actor.practiceId(), staff);
        audit.record(AuditRecord.allowed(actor, null, "staff.invited", "staff", staff));
        return invitation;
    }

    /** A lost phone: the member of staff sets up their authenticator app again at their next sign-in. */
    @Transactional
    public void resetTwoStep(Actor actor, UserId staff) {
        requireAdmin(actor);
        accounts.resetTwoStep(actor.practiceId(), staff);
        audit.record(AuditRecord.allowed(actor, null, "staff.two-step-reset", "staff", staff));
    }

    /**
     * A member of staff forgot their password: a reset link goes to them by email (never shown to
     * the admin). Their authenticator app stays as it was.
     */
    @Transactional
    public void sendPasswordReset(Actor actor, UserId staff) {
        requireAdmin(actor);
        passwords.sendStaffReset(actor.practiceId(), staff);
        audit.record(AuditRecord.allowed(actor, null, "staff.password-reset-sent", "staff", staff));
    }

    @Transactional
    public void setActive(Actor actor, UserId staff, boolean active) {
        requireAdmin(actor);
        if (!active && staff.equals(actor.userId())) {
            throw new UnprocessableException("You cannot disable your own account. Ask another practice admin.");
        }
        accounts.setStaffActive(actor.practiceId(), staff, active);
        audit.record(AuditRecord.allowed(actor, null, active ? "staff.enabled" : "staff.disabled", "staff", staff));
    }

    // ------------------------------------------------------------ patients

    /** Sends a patient of the practice the invitation to set up their account. */
    @Transactional
    public void invitePatient(Actor actor, io.bedside.shared.PatientId patient) {
        requireAdmin(actor);
        patientLinks.invite(actor.practiceId(), patient);
        audit.record(AuditRecord.allowed(actor, patient, "patient.invited", "patient", patient));
    }

    /** Invites every patient with an email address and no account yet; returns how many. */
    @Transactional
    public int inviteAllPatients(Actor actor) {
        requireAdmin(actor);
        int invited = patientLinks.inviteAllWithoutAccount(actor.practiceId());
        audit.record(AuditRecord.allowed(actor, null, "patients.invited", "practice", actor.practiceId()));
        return invited;
    }

    // ------------------------------------------------------------ audit

    /** One page of the practice's audit trail, of all patients or of one, with that patient. */
    /**
     * A page of the trail, the patient it is limited to (or null), and the names of the patients
     * its rows are about, so the admin reads “Alice Walker”, not an id.
     */
    public record AuditTrailPage(io.bedside.audit.AuditReports.Page entries, io.bedside.patient.Patient patient,
            java.util.Map<java.util.UUID, String> patientNames) {
    }

    public AuditTrailPage auditTrail(Actor actor, io.bedside.shared.PatientId patient, String cursor) {
        requireAdmin(actor);
        // The report refuses another practice's patient (not found) and audits the reading itself
        // (audit.viewed); the names below are part of that same audited reading, by an admin, of
        // their own practice's patients, through the patient module's lookup.
        var page = reports.find(actor, patient, null, null, cursor, 50);
        java.util.Map<java.util.UUID, String> names = new java.util.HashMap<>();
        page.items().stream().map(io.bedside.audit.AuditEntry::patientId).filter(java.util.Objects::nonNull).distinct()
                .forEach(id -> patients.find(actor.practiceId(), io.bedside.shared.PatientId.of(id))
                        .ifPresent(p -> names.put(id, p.displayName())));
        return new AuditTrailPage(page, patient == null ? null : patients.find(actor.practiceId(), patient).orElse(null),
                names);
    }

    /** Checks the practice's audit chain for any changed, removed or reordered row. */
    public ChainVerification verifyAuditChain(Actor actor) {
        requireAdmin(actor);
        chain.sealPending();
        ChainVerification result = chain.verify(actor.practiceId());
        audit.record(AuditRecord.allowed(actor, null, "audit.verified", "practice", actor.practiceId()));
        return result;
    }

    // ------------------------------------------------------------ rules

    static void requireAdmin(Actor actor) {
        if (!actor.isStaff()) {
            throw new NotFoundException("Not found.");
        }
        if (!actor.isPracticeAdmin()) {
            throw new ForbiddenException("Only practice admins can do this.");
        }
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
