package io.bedside.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Locale;

import org.springframework.stereotype.Component;

import io.bedside.shared.HumanTimes;

/**
 * Times on pages, in the practice's time zone and the reader's language, written by the one
 * formatter ({@link HumanTimes}): “today 12:43 PM”, “tomorrow (Mon) 8:00 AM”, “Wed, Dec 2, 2:00 PM”.
 */
@Component("pageTimes")
public class PageTimes {

    private final Clock clock;
    private final HumanTimes human;

    PageTimes(Clock clock, HumanTimes human) {
        this.clock = clock;
        this.human = human;
    }

    public String format(Instant instant, ZoneId zone, Locale locale) {
        return human.at(instant, zone, locale);
    }

    /**
     * When something happened, in lists of messages and threads: “today 12:43 PM”, “Tue 2 PM”,
     * “Mar 3, 2:15 PM”, “Mar 3, 2025” (see {@link HumanTimes#past}); keep a {@code <time datetime>}
     * around it for machines.
     */
    public String past(Instant instant, ZoneId zone, Locale locale) {
        return human.past(instant, zone, locale);
    }

    /** With the date and the year, never “today”: for records that are kept. */
    public String full(Instant instant, ZoneId zone, Locale locale) {
        return human.full(instant, zone, locale);
    }

    /** A date on its own, such as a date of birth: “Mar 14, 1985” / “14 mar 1985”. */
    public String date(LocalDate date, Locale locale) {
        return human.date(date, locale);
    }

    /** A time zone as people know it: “Eastern Time (New York)”. */
    public String zone(ZoneId zone, Locale locale) {
        return human.zone(zone, locale);
    }

    /** How long ago, in the largest whole unit: {@code age.now}, {@code age.minutes}, {@code age.hours} or {@code age.days}. */
    public record Age(long amount, String unit) {
    }

    public Age age(Instant since) {
        long minutes = Math.max(0, Duration.between(since, clock.instant()).toMinutes());
        if (minutes < 1) {
            return new Age(0, "now");
        }
        if (minutes < 60) {
            return new Age(minutes, "minutes");
        }
        if (minutes < 48 * 60) {
            return new Age(minutes / 60, "hours");
        }
        return new Age(minutes / (24 * 60), "days");
    }

    /** Whole years between a date of birth and today in the practice's time zone. */
    public int years(LocalDate birthDate, ZoneId zone) {
        return Period.between(birthDate, LocalDate.now(clock.withZone(zone))).getYears();
    }
}
