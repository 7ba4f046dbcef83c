package io.bedside.patient;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;

/**
 * A person receiving care at a practice. Contains PHI: never log it.
 *
 * @param closure why and when a practice admin closed the patient's account; null while it is open
 */
public record Patient(PatientId id, PracticeId practiceId, String externalId, String givenName, String familyName,
        LocalDate birthDate, Sex sex, String email, String phone, String language, Closure closure) {

    /** A patient whose account is open. */
    public Patient(PatientId id, PracticeId practiceId, String externalId, String givenName, String familyName,
            LocalDate birthDate, Sex sex, String email, String phone, String language) {
        this(id, practiceId, externalId, givenName, familyName, birthDate, sex, email, phone, language, null);
    }

    /** Why and when the account was closed. */
    public record Closure(ClosureReason reason, Instant closedAt) {
    }

    public boolean closed() {
        return closure != null;
    }

    public String displayName() {
        return givenName + " " + familyName;
    }

    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    @Override
    public String toString() {
        // Records print every field; a stray log statement must not leak a name or a birth date.
        return "Patient[" + id + "]";
    }
}
