package io.bedside.patient;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * What a roster says about a patient's health: their tags (diagnoses such as "diabetes") and the
 * day of their last visit. Stored only encrypted ({@link RosterCipher}), as the text
 * {@code "asthma,diabetes\n2025-09-10"} (tags sorted, the day empty when there is none).
 */
record RosterFacts(List<String> tags, LocalDate lastVisit) {

    static final RosterFacts NONE = new RosterFacts(List.of(), null);

    RosterFacts {
        tags = tags.stream().sorted().distinct().toList();
    }

    boolean isEmpty() {
        return tags.isEmpty() && lastVisit == null;
    }

    /** Whether a cohort's tag and last-visit criteria hold (a missing visit counts as "before" any day). */
    boolean meets(CohortCriteria criteria) {
        return tags.containsAll(criteria.tags())
                && (criteria.lastVisitBefore() == null || lastVisit == null || lastVisit.isBefore(criteria.lastVisitBefore()))
                && (criteria.lastVisitAfter() == null || lastVisit != null && lastVisit.isAfter(criteria.lastVisitAfter()));
    }

    String encode() {
        return String.join(",", tags) + "\n" + (lastVisit == null ? "" : lastVisit.toString());
    }

    static RosterFacts decode(String text) {
        int newline = text.indexOf('\n');
        String day = text.substring(newline + 1);
        return new RosterFacts(tagList(text.substring(0, newline)), day.isEmpty() ? null : LocalDate.parse(day));
    }

    /** Tags as the roster columns held them before they were encrypted: ",asthma,diabetes,". */
    static List<String> tagList(String joined) {
        return Arrays.stream(joined.split(",")).filter(t -> !t.isEmpty()).toList();
    }
}
