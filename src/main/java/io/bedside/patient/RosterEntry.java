package io.bedside.patient;

import java.time.LocalDate;
import java.util.List;

/**
 * One patient as a practice's records system exports them: what a roster import writes. The
 * external id (MRN) is the key, so importing the same file twice changes nothing.
 */
public record RosterEntry(String externalId, String givenName, String familyName, LocalDate birthDate, Sex sex,
        String email, String phone, String language, List<String> tags, LocalDate lastVisit) {

    public RosterEntry {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    @Override
    public String toString() {
        return "RosterEntry[" + externalId + "]";
    }
}
