package io.bedside.analytics.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.bedside.practice.OfficeHours;

/**
 * How much of a stretch of time a team was open: the business time of a wait. The team's weekly
 * windows on the practice's calendar, holidays closed; a team with no windows is open around the
 * clock, so its business time is the wall-clock time.
 */
final class BusinessTime {

    /** A wait longer than this counts its business time up to here only: a guard, not a rule. */
    private static final int MAX_DAYS = 400;

    private BusinessTime() {
    }

    static long seconds(OfficeHours hours, Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        if (hours.alwaysOpen()) {
            return Duration.between(from, to).toSeconds();
        }
        LocalDate day = from.atZone(hours.zone()).toLocalDate();
        LocalDate last = to.atZone(hours.zone()).toLocalDate();
        long seconds = 0;
        for (int d = 0; !day.isAfter(last) && d <= MAX_DAYS; d++, day = day.plusDays(1)) {
            if (hours.holidays().contains(day)) {
                continue;
            }
            for (OfficeHours.Window w : hours.week().getOrDefault(day.getDayOfWeek(), List.of())) {
                Instant opens = day.atTime(w.opens()).atZone(hours.zone()).toInstant();
                Instant closes = day.atTime(w.closes()).atZone(hours.zone()).toInstant();
                Instant start = opens.isAfter(from) ? opens : from;
                Instant end = closes.isBefore(to) ? closes : to;
                if (end.isAfter(start)) {
                    seconds += Duration.between(start, end).toSeconds();
                }
            }
        }
        return seconds;
    }
}
