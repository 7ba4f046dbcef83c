package io.bedside.patient;

import java.time.LocalDate;

/** What it takes to register a patient. */
public record NewPatient(String externalId, String givenName, String familyName, LocalDate birthDate, Sex sex,
        String email, String phone, String language) {

    @Override
    public String toString() {
        return "NewPatient[" + externalId + "]";
    }
}
