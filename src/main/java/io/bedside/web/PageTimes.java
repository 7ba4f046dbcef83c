package io.bedside.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.springframework.stereotype.Component;

/** Times on pages, in the practice's time zone and the reader's language: "9:14 PM" today, else with the date. */
@Component("pageTimes")
public class PageTimes {

    private final java.time.Clock clock;

    PageTimes(java.time.Clock clock) {
        this.clock = clock;
    }

    public String format(Instant instant, ZoneId zone, Locale locale) {
        if (instant == null) {
            return "";
        }
        var local = instant.atZone(zone);
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
        if (local.toLocalDate().equals(LocalDate.now(clock.withZone(zone)))) {
            return local.format(time);
        }
        return local.format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale));
    }

    /** How long ago, in the largest whole unit: {@code age.now}, {@code age.minutes}, {@code age.hours} or {@code age.days}. */
    public record Age(long amount, String unit) {
    }

    public Age age(Instant since) {
        long minutes = Math.max(0, java.time.Duration.between(since, clock.instant()).toMinutes());
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
    public int years(java.time.LocalDate birthDate, ZoneId zone) {
        return java.time.Period.between(birthDate, LocalDate.now(clock.withZone(zone))).getYears();
    }
}
