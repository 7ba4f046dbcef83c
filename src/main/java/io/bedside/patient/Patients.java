package io.bedside.patient;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.UserId;

/**
 * The patient roster of each practice: its writes, and the few narrow facts other modules need
 * without reading a patient's record (whether one exists, the name a view already audited shows,
 * how to reach them, whether a date of birth matches). A person reading a patient's record goes
 * through {@link PatientDirectory}, which audits it; the system's reads (campaign cohorts and
 * recipients, the message rules' language) go through {@code patient.system.SystemPatients}.
 * Every lookup is scoped to one practice.
 */
@Service
public class Patients {

    /** What an import did to one entry. */
    public enum RosterOutcome { ADDED, UPDATED, UNCHANGED }

    /**
     * How to reach a patient, for invitations and notices: routing, not their record. Never shown
     * to anyone else.
     *
     * @param closed whether a practice admin closed the patient's account
     */
    public record Contact(String email, String phone, String language, boolean closed) {
        @Override
        public String toString() {
            return "Contact[closed=" + closed + "]";
        }
    }

    private final PatientRows rows;
    private final RosterRows roster;

    Patients(PatientRows rows, RosterRows roster) {
        this.rows = rows;
        this.roster = roster;
    }

    @Transactional
    public Patient register(PracticeId practice, NewPatient p) {
        return rows.register(practice, p);
    }

    // ------------------------------------------------------------ narrow facts (not audited: no record is read)

    /** Whether the practice has this patient (another practice's patient does not exist). */
    public boolean exists(PracticeId practice, PatientId patient) {
        return rows.find(practice, patient).isPresent();
    }

    /**
     * The patient's name, for a view whose reading the caller audits already (a conversation, an
     * access report): it names the patient the audited row names.
     */
    public Optional<String> displayName(PracticeId practice, PatientId patient) {
        return rows.find(practice, patient).map(Patient::displayName);
    }

    /**
     * The names of several patients at once, for a list whose reading the caller audits (a page of
     * conversations); a patient of another practice is left out.
     */
    public Map<PatientId, String> displayNames(PracticeId practice, Collection<PatientId> patients) {
        if (patients.isEmpty()) {
            return Map.of();
        }
        Map<PatientId, String> names = new HashMap<>();
        rows.findAll(practice, patients).forEach(p -> names.put(p.id(), p.displayName()));
        return names;
    }

    /**
     * The dates of birth of those of these patients whose accounts are open: what decides whether a
     * parent may still act for them (until 18) and whether their own questions are confidential.
     * Not shown to anyone; another practice's patient is left out.
     */
    public Map<PatientId, LocalDate> birthDatesOfOpen(PracticeId practice, Collection<PatientId> patients) {
        if (patients.isEmpty()) {
            return Map.of();
        }
        Map<PatientId, LocalDate> births = new HashMap<>();
        rows.findAll(practice, patients).stream().filter(p -> !p.closed()).forEach(p -> births.put(p.id(), p.birthDate()));
        return births;
    }

    /** How to reach the patient (email, mobile number, language), and whether their account is closed. */
    public Optional<Contact> contact(PracticeId practice, PatientId patient) {
        return rows.find(practice, patient).map(p -> new Contact(p.email(), p.phone(), p.language(), p.closed()));
    }

    /** The language the patient reads, if their record names one. */
    public Optional<String> preferredLanguage(PracticeId practice, PatientId patient) {
        return rows.find(practice, patient).map(Patient::language);
    }

    /** Whether the date of birth given (by someone proving who they are) is the patient's own. */
    public boolean birthDateMatches(PracticeId practice, PatientId patient, LocalDate given) {
        return given != null && rows.find(practice, patient).map(p -> given.equals(p.birthDate())).orElse(false);
    }

    /** The practice's patient with this external id (MRN), if any. */
    public Optional<PatientId> idByExternalId(PracticeId practice, String externalId) {
        return rows.findByExternalId(practice, externalId).map(Patient::id);
    }

    /** The practice's patients who have an email address on file and whose account is not closed. */
    public List<PatientId> withEmail(PracticeId practice) {
        return rows.withEmail(practice);
    }

    // ------------------------------------------------------------ campaigns: the patient's choice

    /** Whether the patient said no to campaign messages (their care team's replies still reach them). */
    public boolean optedOutOfCampaigns(PracticeId practice, PatientId patient) {
        return rows.optedOutOfCampaigns(practice, patient);
    }

    /** Records the patient's choice about campaign messages; false when there is no such patient. */
    @Transactional
    public boolean setOptedOutOfCampaigns(PracticeId practice, PatientId patient, boolean optedOut) {
        return rows.setOptedOutOfCampaigns(practice, patient, optedOut);
    }

    // ------------------------------------------------------------ roster import

    /**
     * The roster entries of the practice with these external ids, by external id: what an import
     * compares its file with (the import is audited as {@code patients.imported}).
     */
    public Map<String, RosterEntry> rosterByExternalId(PracticeId practice, Collection<String> externalIds) {
        return roster.rosterByExternalId(practice, externalIds);
    }

    /** The whole roster of a practice, by external id: one read for a large import. */
    public Map<String, RosterEntry> roster(PracticeId practice) {
        return roster.roster(practice);
    }

    /**
     * Adds the new entries and updates the changed ones, in batches, in the caller's transaction;
     * entries equal to what is stored are left alone. Returns what happened to each, in order.
     */
    @Transactional
    public List<RosterOutcome> upsertRoster(PracticeId practice, List<RosterEntry> entries) {
        return roster.upsertRoster(practice, entries, roster.rosterByExternalId(practice,
                entries.stream().map(RosterEntry::externalId).toList()));
    }

    /** As {@link #upsertRoster(PracticeId, List)}, comparing with entries the caller read already. */
    @Transactional
    public List<RosterOutcome> upsertRoster(PracticeId practice, List<RosterEntry> entries,
            Map<String, RosterEntry> existing) {
        return roster.upsertRoster(practice, entries, existing);
    }

    // ------------------------------------------------------------ the patient's own profile and closing accounts
    // (issue 14, "Patients and their accounts": the patient's side and closing accounts)

    /** The patient's own physician (a member of staff of the practice), if the practice recorded one. */
    public Optional<UserId> primaryProvider(PracticeId practice, PatientId patient) {
        return rows.primaryProvider(practice, patient);
    }

    /** Records the patient's own physician (null to clear it); false when there is no such patient. */
    @Transactional
    public boolean setPrimaryProvider(PracticeId practice, PatientId patient, UserId provider) {
        return rows.setPrimaryProvider(practice, patient, provider);
    }

    /** The patient's own mobile number (E.164, or null to remove it) and language; false when there is no such patient. */
    @Transactional
    public boolean setOwnContact(PracticeId practice, PatientId patient, String phone, String language) {
        return rows.setOwnContact(practice, patient, phone, language);
    }

    /** The roster's email address of the patient, once they confirmed a new one. */
    @Transactional
    public void setEmail(PracticeId practice, PatientId patient, String email) {
        rows.setEmail(practice, patient, email);
    }

    /** Closes the patient's account; false when it was closed already (or there is no such patient). */
    @Transactional
    public boolean close(PracticeId practice, PatientId patient, ClosureReason reason, UserId by) {
        return rows.close(practice, patient, reason, by);
    }

    /** Opens a closed account again; false when it was not closed. */
    @Transactional
    public boolean reopen(PracticeId practice, PatientId patient) {
        return rows.reopen(practice, patient);
    }

    /**
     * Replaces the patient's email, mobile number and language (already checked by the caller);
     * false when the practice has no such patient. The email is the roster's: a sign-in account
     * keeps its own address. (Issue 14, "Staff add one patient"; used by admin.PatientRecords.)
     */
    @Transactional
    public boolean changeContact(PracticeId practice, PatientId patient, String email, String phone, String language) {
        return rows.changeContact(practice, patient, email, phone, language);
    }
}
