package io.bedside.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.identity.internal.PasswordHashing;
import io.bedside.identity.internal.UserAccounts;
import io.bedside.patient.Patient;
import io.bedside.patient.Patients;
import io.bedside.practice.Practice;
import io.bedside.practice.Practices;
import io.bedside.practice.StaffDirectory;
import io.bedside.practice.StaffMember;
import io.bedside.shared.Actor;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.StaffRole;
import io.bedside.shared.UserId;

/** Creates sign-in accounts for staff and patients, and describes the signed-in user. */
@Service
public class Accounts {

    private final UserAccounts accounts;
    private final PasswordHashing hashing;
    private final StaffDirectory staff;
    private final Patients patients;
    private final Practices practices;

    Accounts(UserAccounts accounts, PasswordHashing hashing, StaffDirectory staff, Patients patients,
            Practices practices) {
        this.accounts = accounts;
        this.hashing = hashing;
        this.staff = staff;
        this.patients = patients;
        this.practices = practices;
    }

    /** A member of staff with a password; the account id is also their staff directory id. */
    @Transactional
    public StaffMember createStaff(PracticeId practice, String email, String password, String displayName,
            StaffRole role, String title) {
        UserId id = UserId.random();
        accounts.insert(id, practice, Actor.Kind.STAFF, normalize(email), hashing.hash(password), Set.of(role), null);
        return staff.add(id, practice, displayName, role, title);
    }

    /** A sign-in account for a patient already on the practice's roster. */
    @Transactional
    public UserId createPatientAccount(PracticeId practice, PatientId patient, String email, String password) {
        patients.find(practice, patient).orElseThrow(() -> new NotFoundException("No such patient."));
        UserId id = UserId.random();
        accounts.insert(id, practice, Actor.Kind.PATIENT, normalize(email),
                password == null ? null : hashing.hash(password), Set.of(), patient);
        return id;
    }

    /** The sign-in account of a patient of the practice, if they have one. */
    public Optional<UserId> patientAccount(PracticeId practice, PatientId patient) {
        return accounts.findByPatient(practice, patient);
    }

    public boolean emailInUse(String email) {
        return accounts.findByEmail(normalize(email)).isPresent();
    }

    public UserProfile profile(Actor actor) {
        Practice practice = practices.find(actor.practiceId()).orElseThrow(NotFoundException::new);
        String email = accounts.email(actor.userId()).orElse(null);
        String displayName;
        if (actor.isPatient()) {
            Optional<Patient> patient = patients.find(actor.practiceId(), actor.patientId());
            displayName = patient.map(Patient::displayName).orElse("");
        } else {
            displayName = staff.find(actor.practiceId(), actor.userId()).map(StaffMember::displayName).orElse("");
        }
        return new UserProfile(actor.userId(), actor.kind(), practice.id(), practice.name(), displayName, email,
                actor.roles().stream().map(StaffRole::code).sorted().collect(Collectors.toList()),
                actor.patientId());
    }

    static String normalize(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }
}
