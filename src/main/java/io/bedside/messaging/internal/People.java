package io.bedside.messaging.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.bedside.messaging.SystemAuthor;
import io.bedside.identity.Accounts;
import io.bedside.patient.Patients;
import io.bedside.practice.CareTeam;
import io.bedside.practice.CareTeams;
import io.bedside.practice.Practice;
import io.bedside.practice.Practices;
import io.bedside.practice.StaffDirectory;
import io.bedside.practice.StaffMember;
import io.bedside.shared.Actor;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Relationship;
import io.bedside.shared.UserId;

/** Names the people and teams a conversation mentions, through the directory modules' APIs. */
@Component
class People {

    private final StaffDirectory staff;
    private final Accounts accounts;
    private final Patients patients;
    private final CareTeams careTeams;
    private final Practices practices;

    People(StaffDirectory staff, Accounts accounts, Patients patients, CareTeams careTeams, Practices practices) {
        this.accounts = accounts;
        this.practices = practices;
        this.staff = staff;
        this.patients = patients;
        this.careTeams = careTeams;
    }

    public Map<UserId, StaffMember> staff(PracticeId practice, Collection<UserId> ids) {
        return staff.findAll(practice, ids);
    }

    public Person staffPerson(UserId id, Map<UserId, StaffMember> known) {
        if (id == null) {
            return null;
        }
        StaffMember m = known.get(id);
        return m == null ? new Person(id.value(), "A former member of staff", "staff")
                : new Person(id.value(), m.displayName(), m.role().code());
    }

    public Person patient(PracticeId practice, PatientId id) {
        return new Person(id.value(), patients.displayName(practice, id).orElse("Patient"),
                "patient");
    }

    /**
     * The people who wrote for a patient (a parent, a caregiver), each named as themselves, with the
     * relationship as their role and the patient they wrote for.
     */
    public Map<UserId, Person> proxies(PracticeId practice, Map<UserId, Relationship> writers, Person patient) {
        if (writers.isEmpty()) {
            return Map.of();
        }
        Map<UserId, String> names = accounts.proxyNames(practice, writers.keySet());
        Map<UserId, Person> people = new HashMap<>();
        writers.forEach((id, relationship) -> people.put(id, new Person(id.value(),
                names.getOrDefault(id, "Family member"), relationship.code(), patient)));
        return people;
    }

    /** Several patients named with one query, each as {@link #patient} names them. */
    public Map<PatientId, Person> patients(PracticeId practice, Collection<PatientId> ids) {
        Map<PatientId, String> names = patients.displayNames(practice, ids);
        Map<PatientId, Person> people = new HashMap<>();
        ids.forEach(id -> people.put(id, new Person(id.value(), names.getOrDefault(id, "Patient"), "patient")));
        return people;
    }

    /** The patient's id if the practice has this patient: whether a conversation may name them. */
    public Optional<PatientId> findPatient(PracticeId practice, PatientId id) {
        return patients.exists(practice, id) ? Optional.of(id) : Optional.empty();
    }

    public Optional<CareTeam> team(PracticeId practice, CareTeamId id) {
        return careTeams.findInPractice(practice, id);
    }

    /** The teams a member of staff belongs to. */
    public List<CareTeam> teamsOf(Actor staff) {
        return careTeams.visibleTo(staff);
    }

    /** The practice's billing team, if its admin named one. */
    public Optional<CareTeam> billingTeam(PracticeId practice) {
        return careTeams.billingTeam(practice);
    }

    /**
     * The practice as the author of Bedside's own messages (the after-hours reply, emergency
     * guidance): its shown name, with role "system" so pages add "(automatic reply)".
     */
    public Person system(PracticeId practice) {
        return new Person(SystemAuthor.ID.value(),
                practices.find(practice).map(Practice::shownName)
                        .orElse(SystemAuthor.NAME), "system");
    }

    public CareTeamRef teamRef(PracticeId practice, CareTeamId id) {
        return new CareTeamRef(id, team(practice, id).map(CareTeam::name).orElse("Care team"));
    }

    /** The practice's time zone: its calendar decides what "in 3 days" means. */
    public java.time.ZoneId practiceZone(PracticeId practice) {
        return practices.find(practice).map(Practice::timeZone).orElse(java.time.ZoneOffset.UTC);
    }

    /** The language Bedside writes to the patient in: theirs, else the practice's default. */
    public java.util.Locale patientLocale(PracticeId practice, PatientId patient) {
        String language = patients.preferredLanguage(practice, patient)
                .orElseGet(() -> practices.find(practice).map(Practice::defaultLanguage).orElse("en"));
        return java.util.Locale.forLanguageTag(language == null || language.isBlank() ? "en" : language);
    }
}
