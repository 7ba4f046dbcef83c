package io.bedside.patient;

import java.time.LocalDate;
import java.util.List;

/**
 * Which of a practice's patients an outreach campaign is for. Every criterion given must hold;
 * none given means every patient. Patients who opted out of campaigns are never selected.
 *
 * @param tags            roster tags the patient must all have (lower case)
 * @param minAge          youngest age in whole years, on the practice's today
 * @param maxAge          oldest age in whole years
 * @param sex             administrative sex
 * @param languages       primary language subtags, such as en and es; es also selects es-MX
 * @param lastVisitBefore last visit strictly before this day, or no visit on record
 * @param lastVisitAfter  last visit strictly after this day
 */
public record CohortCriteria(List<String> tags, Integer minAge, Integer maxAge, Sex sex, List<String> languages,
        LocalDate lastVisitBefore, LocalDate lastVisitAfter) {

    public CohortCriteria {
        tags = tags == null ? List.of() : List.copyOf(tags);
        languages = languages == null ? List.of() : List.copyOf(languages);
    }

    public static CohortCriteria everyone() {
        return new CohortCriteria(List.of(), null, null, null, List.of(), null, null);
    }
}
