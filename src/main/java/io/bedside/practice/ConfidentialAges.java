package io.bedside.practice;

import java.time.LocalDate;
import java.time.Period;

import io.bedside.shared.InvalidRequestException;

/**
 * The ages, in whole years and both ends included, at which a patient's own conversations are
 * confidential from their parents by default (12 through 17 unless the practice sets otherwise).
 */
public record ConfidentialAges(int from, int to) {

    public static final ConfidentialAges DEFAULT = new ConfidentialAges(12, 17);

    public ConfidentialAges {
        if (from < 0 || to > 17 || from > to) {
            throw new InvalidRequestException("confidentialAgeRange",
                    "The confidential age range must run from an age of 0 or more to an age of 17 or less, the first no later than the second.");
        }
    }

    /** Whether someone born on this date is in the range on this day. */
    public boolean covers(LocalDate birthDate, LocalDate today) {
        int age = ageOn(birthDate, today);
        return age >= from && age <= to;
    }

    /** Age in whole years on a day: a birthday counts from its own day (29 February: from 1 March). */
    public static int ageOn(LocalDate birthDate, LocalDate today) {
        return Period.between(birthDate, today).getYears();
    }
}
