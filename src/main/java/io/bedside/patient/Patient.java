package io.bedside.patient;

import java.time.LocalDate;
import java.time.Period;

import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;

/** A person receiving care at a practice. Contains PHI: never log it. */
public record Patient(PatientId id, PracticeId practiceId, String externalId, String givenName, String familyName,
        LocalDate birthDate, Sex sex, String email, String phone, String language) {

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
