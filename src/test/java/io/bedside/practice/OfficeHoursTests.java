package io.bedside.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.bedside.shared.PromisedResponse;

/** Business-time arithmetic: opening windows, weekends, holidays and time zones. */
class OfficeHoursTests {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static OfficeHours weekdays(Set<LocalDate> holidays) {
        Map<DayOfWeek, List<OfficeHours.Window>> week = OfficeHours.weekdays(LocalTime.of(8, 0), LocalTime.of(17, 0));
        return new OfficeHours(NEW_YORK, week, holidays);
    }

    private static Instant at(int month, int day, int hour, int minute) {
        return LocalDateTime.of(2026, month, day, hour, minute).atZone(NEW_YORK).toInstant();
    }

    @Test
    void aDaysPromiseFromFridayAfternoonRunsIntoTheNextWeek() {
        OfficeHours hours = weekdays(Set.of());
        // Friday 16:00: one hour left on Friday, nine on Monday, nine on Tuesday, five on Wednesday.
        assertThat(hours.plusBusinessHours(at(11, 20, 16, 0), 24)).isEqualTo(at(11, 25, 13, 0));
        assertThat(hours.plusBusinessHours(at(11, 23, 10, 0), 2)).isEqualTo(at(11, 23, 12, 0));
    }

    @Test
    void aMessageOnSaturdayNightStartsTheClockOnMonday() {
        OfficeHours hours = weekdays(Set.of());
        Instant saturdayNight = at(11, 21, 22, 0);
        assertThat(hours.isOpen(saturdayNight)).isFalse();
        assertThat(hours.nextOpening(saturdayNight)).isEqualTo(at(11, 23, 8, 0));
        assertThat(hours.lastClosing(saturdayNight)).contains(at(11, 20, 17, 0));
        assertThat(hours.plusBusinessHours(saturdayNight, 24)).isEqualTo(at(11, 25, 14, 0));
    }

    @Test
    void holidaysAreClosed() {
        OfficeHours hours = weekdays(Set.of(LocalDate.of(2026, 11, 26), LocalDate.of(2026, 11, 27)));
        Instant thanksgivingMorning = at(11, 26, 10, 0);
        assertThat(hours.isOpen(thanksgivingMorning)).isFalse();
        assertThat(hours.nextOpening(thanksgivingMorning)).isEqualTo(at(11, 30, 8, 0));
        // Wednesday 16:00 + 4 h: one on Wednesday, then Monday 8:00 + 3.
        assertThat(hours.plusBusinessHours(at(11, 25, 16, 0), 4)).isEqualTo(at(11, 30, 11, 0));
    }

    @Test
    void noWindowsMeansAlwaysOpen() {
        OfficeHours always = OfficeHours.alwaysOpen(NEW_YORK);
        assertThat(always.isOpen(at(11, 22, 3, 0))).isTrue();
        assertThat(always.plusBusinessHours(at(11, 22, 3, 0), 24)).isEqualTo(at(11, 23, 3, 0));
        assertThat(always.lastClosing(at(11, 22, 3, 0))).isEmpty();
    }

    @Test
    void theEndOfAWindowIsClosed() {
        OfficeHours hours = weekdays(Set.of());
        assertThat(hours.isOpen(at(11, 23, 8, 0))).isTrue();
        assertThat(hours.isOpen(at(11, 23, 16, 59))).isTrue();
        assertThat(hours.isOpen(at(11, 23, 17, 0))).isFalse();
    }

    @Test
    void oneBusinessDayIsTheSameTimeOnTheNextOpenDayOrTheEndOfItWhenClosed() {
        OfficeHours hours = weekdays(Set.of(LocalDate.of(2026, 11, 26)));
        PromisedResponse day = new PromisedResponse(24);
        // Friday 3 PM, open: Monday 3 PM.
        assertThat(hours.answerDue(at(11, 20, 15, 0), day)).isEqualTo(at(11, 23, 15, 0));
        // Saturday night, closed: by the end of Monday.
        assertThat(hours.answerDue(at(11, 21, 22, 0), day)).isEqualTo(at(11, 23, 17, 0));
        // Wednesday 10 AM, Thursday a holiday: Friday 10 AM.
        assertThat(hours.answerDue(at(11, 25, 10, 0), day)).isEqualTo(at(11, 27, 10, 0));
        // Two business days from Friday 3 PM: Tuesday 3 PM.
        assertThat(hours.answerDue(at(11, 20, 15, 0), new PromisedResponse(48))).isEqualTo(at(11, 24, 15, 0));
        // Monday 7 AM, before opening: by the end of Monday.
        assertThat(hours.answerDue(at(11, 23, 7, 0), day)).isEqualTo(at(11, 23, 17, 0));
        // Hours stay hours: Friday 4 PM + 4 business hours is Monday 11 AM.
        assertThat(hours.answerDue(at(11, 20, 16, 0), new PromisedResponse(4))).isEqualTo(at(11, 23, 11, 0));
    }

    @Test
    void aShorterDayIsDueAtItsClose() {
        Map<DayOfWeek, List<OfficeHours.Window>> week = new java.util.EnumMap<>(
                OfficeHours.weekdays(LocalTime.of(8, 0), LocalTime.of(17, 0)));
        week.put(DayOfWeek.FRIDAY, List.of(new OfficeHours.Window(LocalTime.of(8, 0), LocalTime.of(12, 0))));
        OfficeHours hours = new OfficeHours(NEW_YORK, week, Set.of());
        assertThat(hours.plusBusinessDays(at(11, 19, 15, 0), 1)).isEqualTo(at(11, 20, 12, 0));
        assertThat(OfficeHours.alwaysOpen(NEW_YORK).answerDue(at(11, 20, 15, 0), new PromisedResponse(24)))
                .isEqualTo(at(11, 21, 15, 0));
    }
}
