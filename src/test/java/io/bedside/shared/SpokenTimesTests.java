package io.bedside.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link HumanTimes#past}: when a message was written, as people say it (issue 19), on a fixed
 * clock (Sunday, November 29, 2026, 4:30 PM in New York), in both languages, across a year's end
 * and in the practice's or the patient's time zone.
 */
class SpokenTimesTests {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Clock SUNDAY = Clock.fixed(LocalDateTime.of(2026, 11, 29, 16, 30).atZone(NEW_YORK).toInstant(),
            NEW_YORK);
    private static final HumanTimes TIMES = new HumanTimes(SUNDAY);

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(NEW_YORK).toInstant();
    }

    @ParameterizedTest(name = "{0} {1} in {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            today                   | 2026-11-29T12:43 | en-US | today 12:43 PM
            today                   | 2026-11-29T12:43 | es    | hoy 12:43
            today, a whole hour     | 2026-11-29T14:00 | en-US | today 2 PM
            today, a whole hour     | 2026-11-29T14:00 | es    | hoy 14:00
            today, 24-hour English  | 2026-11-29T14:00 | en-GB | today 14:00
            today, just after 0:00  | 2026-11-29T00:05 | en-US | today 12:05 AM
            yesterday               | 2026-11-28T09:05 | en-US | yesterday 9:05 AM
            yesterday               | 2026-11-28T09:05 | es    | ayer 9:05
            this week (Tuesday)     | 2026-11-24T14:00 | en-US | Tue 2 PM
            this week (Tuesday)     | 2026-11-24T14:00 | es    | mar 14:00
            six days ago            | 2026-11-23T08:30 | en-US | Mon 8:30 AM
            six days ago            | 2026-11-23T08:30 | es    | lun 8:30
            a week ago: the date    | 2026-11-22T14:15 | en-US | Nov 22, 2:15 PM
            a week ago: the date    | 2026-11-22T14:15 | es    | 22 nov, 14:15
            this year               | 2026-03-03T14:15 | en-US | Mar 3, 2:15 PM
            this year               | 2026-03-03T14:15 | es    | 3 mar, 14:15
            this year, whole hour   | 2026-03-03T09:00 | en-US | Mar 3, 9 AM
            another year: no time   | 2025-03-03T14:15 | en-US | Mar 3, 2025
            another year: no time   | 2025-03-03T14:15 | es    | 3 mar 2025
            """)
    void saysWhenAMessageWasWritten(String what, String local, String language, String expected) {
        assertThat(TIMES.past(at(local), NEW_YORK, Locale.forLanguageTag(language))).isEqualTo(expected);
    }

    @Test
    void acrossTheYearsEndTheLastWeekIsAWeekdayAndLastYearHasNoTime() {
        HumanTimes january = new HumanTimes(Clock.fixed(LocalDateTime.of(2027, 1, 2, 10, 0).atZone(NEW_YORK).toInstant(),
                NEW_YORK));
        assertThat(january.past(at("2027-01-01T09:05"), NEW_YORK, Locale.US)).isEqualTo("yesterday 9:05 AM");
        assertThat(january.past(at("2026-12-31T23:30"), NEW_YORK, Locale.US)).isEqualTo("Thu 11:30 PM");
        assertThat(january.past(at("2026-12-31T23:30"), NEW_YORK, Locale.forLanguageTag("es"))).isEqualTo("jue 23:30");
        assertThat(january.past(at("2026-12-20T14:15"), NEW_YORK, Locale.US)).isEqualTo("Dec 20, 2026");
        assertThat(january.past(at("2026-12-20T14:15"), NEW_YORK, Locale.forLanguageTag("es"))).isEqualTo("20 dic 2026");
    }

    @Test
    void theDayIsTheOneOfTheTimeZoneGiven() {
        // 04:30 UTC on the 29th: still the 28th in New York and Los Angeles, already the 29th in Madrid.
        Instant instant = Instant.parse("2026-11-29T04:30:00Z");
        assertThat(TIMES.past(instant, NEW_YORK, Locale.US)).isEqualTo("yesterday 11:30 PM");
        assertThat(TIMES.past(instant, ZoneId.of("America/Los_Angeles"), Locale.US)).isEqualTo("yesterday 8:30 PM");
        assertThat(TIMES.past(instant, ZoneId.of("Europe/Madrid"), Locale.forLanguageTag("es"))).isEqualTo("hoy 5:30");
    }

    @Test
    void aTimeStillToComeReadsAsAtDoesAndNothingIsEmpty() {
        assertThat(TIMES.past(at("2026-11-30T08:00"), NEW_YORK, Locale.US)).isEqualTo("tomorrow (Mon) 8:00 AM");
        assertThat(TIMES.past(null, NEW_YORK, Locale.US)).isEmpty();
    }
}
