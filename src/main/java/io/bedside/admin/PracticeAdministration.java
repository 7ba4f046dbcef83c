package io.bedside.admin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.audit.AuditChain;
import io.bedside.audit.AuditEntry;
import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditReports;
import io.bedside.audit.AuditTrail;
import io.bedside.audit.ChainVerification;
import io.bedside.identity.Accounts;
import io.bedside.identity.Passwords;
import io.bedside.identity.PatientLinks;
import io.bedside.patient.Patient;
import io.bedside.patient.PatientDirectory;
import io.bedside.patient.Patients;
import io.bedside.shared.Actor;
import io.bedside.shared.PatientId;
import io.bedside.shared.StaffRole;
import io.bedside.shared.UnprocessableException;
import io.bedside.shared.UserId;

/**
 * What a practice admin may do to their practice's staff, patients' invitations and audit trail
 * (care teams are {@link CareTeamAdministration}). Every method checks the caller: a patient is
 * answered not found (there is nothing here for them), other staff forbidden; ids of another
 * practice are not found. Every change is on the audit trail.
 */
@Service
public class PracticeAdministration {

    private final Accounts accounts;
    private final AuditTrail audit;
    private final AuditChain chain;
    private final AuditReports reports;
    private final Patients patients;
    private final PatientDirectory directory;
    private final PatientLinks patientLinks;
    private final Passwords passwords;

    PracticeAdministration(Accounts accounts, AuditTrail audit, AuditChain chain,
            AuditReports reports, Patients patients, PatientDirectory directory, PatientLinks patientLinks,
            Passwords passwords) {
        this.patientLinks = patientLinks;
        this.passwords = passwords;
        this.accounts = accounts;
        this.audit = audit;
        this.chain = chain;
        this.reports = reports;
        this.patients = patients;
        this.directory = directory;
    }

    // ------------------------------------------------------------ staff

    public List<Accounts.StaffAccount> staff(Actor actor) {
        actor.requireAdmin();
        return accounts.staffAccounts(actor.practiceId());
    }

    @Transactional
    public Accounts.StaffInvitation invite(Actor actor, String email, String displayName, String role, String title) {
        actor.requireAdmin();
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
        actor.requireAdmin();
        Accounts.StaffInvitation invitation = accounts.reinviteStaff(actor.practiceId(), staff);
        audit.record(AuditRecord.allowed(actor, null, "staff.invited", "staff", staff));
        return invitation;
    }

    /** A lost phone: the member of staff sets up their authenticator app again at their next sign-in. */
    @Transactional
    public void resetTwoStep(Actor actor, UserId staff) {
        actor.requireAdmin();
        accounts.resetTwoStep(actor.practiceId(), staff);
        audit.record(AuditRecord.allowed(actor, null, "staff.two-step-reset", "staff", staff));
    }

    /**
     * A member of staff forgot their password: a reset link goes to them by email (never shown to
     * the admin). Their authenticator app stays as it was.
     */
    @Transactional
    public void sendPasswordReset(Actor actor, UserId staff) {
        actor.requireAdmin();
        passwords.sendStaffReset(actor.practiceId(), staff);
        audit.record(AuditRecord.allowed(actor, null, "staff.password-reset-sent", "staff", staff));
    }

    @Transactional
    public void setActive(Actor actor, UserId staff, boolean active) {
        actor.requireAdmin();
        if (!active && staff.equals(actor.userId())) {
            throw new UnprocessableException("You cannot disable your own account. Ask another practice admin.");
        }
        accounts.setStaffActive(actor.practiceId(), staff, active);
        audit.record(AuditRecord.allowed(actor, null, active ? "staff.enabled" : "staff.disabled", "staff", staff));
    }

    // ------------------------------------------------------------ patients

    /** Sends a patient of the practice the invitation to set up their account. */
    @Transactional
    public void invitePatient(Actor actor, PatientId patient) {
        actor.requireAdmin();
        patientLinks.invite(actor.practiceId(), patient);
        audit.record(AuditRecord.allowed(actor, patient, "patient.invited", "patient", patient));
    }

    /** Invites every patient with an email address and no account yet; returns how many. */
    @Transactional
    public int inviteAllPatients(Actor actor) {
        actor.requireAdmin();
        int invited = patientLinks.inviteAllWithoutAccount(actor.practiceId());
        audit.record(AuditRecord.allowed(actor, null, "patients.invited", "practice", actor.practiceId()));
        return invited;
    }

    // ------------------------------------------------------------ audit

    /**
     * A page of the trail, the patient it is limited to (or null), and the names of the patients
     * its rows are about, so the admin reads “Alice Walker”, not an id.
     */
    public record AuditTrailPage(AuditReports.Page entries, Patient patient,
            Map<UUID, String> patientNames) {
    }

    public AuditTrailPage auditTrail(Actor actor, PatientId patient, String cursor) {
        actor.requireAdmin();
        // The report refuses another practice's patient (not found) and audits the reading itself
        // (audit.viewed); the names below are part of that same audited reading, by an admin, of
        // their own practice's patients, through the patient module's lookup.
        var page = reports.find(actor, patient, null, null, cursor, 50);
        Map<UUID, String> names = new HashMap<>();
        page.items().stream().map(AuditEntry::patientId).filter(Objects::nonNull).distinct()
                .forEach(id -> patients.displayName(actor.practiceId(), PatientId.of(id))
                        .ifPresent(name -> names.put(id, name)));
        // The report found the patient (or refused): reading their record is that same audit.viewed.
        return new AuditTrailPage(page, patient == null ? null : directory.actedOn(actor, patient, "audit.viewed"),
                names);
    }

    /** Checks the practice's audit chain for any changed, removed or reordered row. */
    public ChainVerification verifyAuditChain(Actor actor) {
        actor.requireAdmin();
        chain.sealPending();
        ChainVerification result = chain.verify(actor.practiceId());
        audit.record(AuditRecord.allowed(actor, null, "audit.verified", "practice", actor.practiceId()));
        return result;
    }

}
