package io.bedside.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one date/time style, as a table: "now" is Sunday, November 29, 2026, 4:30 PM in New York.
 * Pages (PageTimes), automatic replies (the after-hours reply) and the PDF transcript all write
 * through {@link HumanTimes}; their own tests check that they do.
 */
class HumanTimesTests {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Clock NOW = Clock.fixed(LocalDateTime.of(2026, 11, 29, 16, 30).atZone(NEW_YORK).toInstant(),
            NEW_YORK);
    private static final HumanTimes TIMES = new HumanTimes(NOW);

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(NEW_YORK).toInstant();
    }

    @ParameterizedTest(name = "{0} {1} in {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            today            | 2026-11-29T12:43 | en-US | today 12:43 PM
            today            | 2026-11-29T12:43 | es    | hoy 12:43
            today, midnight  | 2026-11-29T00:05 | en-US | today 12:05 AM
            today            | 2026-11-29T12:43 | en-GB | today 12:43
            tomorrow         | 2026-11-30T08:00 | en-US | tomorrow (Mon) 8:00 AM
            tomorrow         | 2026-11-30T08:00 | es    | mañana (lun) 8:00
            yesterday        | 2026-11-28T16:10 | en-US | yesterday 4:10 PM
            yesterday        | 2026-11-28T16:10 | es    | ayer 16:10
            this week        | 2026-12-02T14:00 | en-US | Wed, Dec 2, 2:00 PM
            this week        | 2026-12-02T14:00 | es    | mié, 2 dic, 14:00
            this week        | 2026-12-02T14:00 | en-GB | Wed, Dec 2, 14:00
            last week        | 2026-11-25T09:05 | en-US | Wed, Nov 25, 9:05 AM
            other day        | 2026-03-14T18:30 | en-US | Sat, Mar 14, 6:30 PM
            other day        | 2026-03-14T18:30 | es    | sáb, 14 mar, 18:30
            other year       | 2025-12-02T14:00 | en-US | Tue, Dec 2, 2025, 2:00 PM
            other year       | 2025-12-02T14:00 | es    | mar, 2 dic 2025, 14:00
            next year        | 2027-01-04T08:00 | en-US | Mon, Jan 4, 2027, 8:00 AM
            next year        | 2027-01-04T08:00 | es    | lun, 4 ene 2027, 8:00
            """)
    void onScreens(String when, String local, String locale, String expected) {
        assertThat(TIMES.at(at(local), NEW_YORK, Locale.forLanguageTag(locale))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} in {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            today            | 2026-11-29T12:43 | en-US | Sun, Nov 29, 2026, 12:43 PM
            today            | 2026-11-29T12:43 | es    | dom, 29 nov 2026, 12:43
            tomorrow         | 2026-11-30T08:00 | en-US | Mon, Nov 30, 2026, 8:00 AM
            other year       | 2025-12-02T14:00 | es    | mar, 2 dic 2025, 14:00
            """)
    void inDocumentsNeverRelativeAndAlwaysWithTheYear(String when, String local, String locale, String expected) {
        assertThat(TIMES.full(at(local), NEW_YORK, Locale.forLanguageTag(locale))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} in {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            tomorrow         | 2026-11-30T08:00 | en-US | Monday, November 30 at 8:00 AM
            tomorrow         | 2026-11-30T08:00 | es    | lunes 30 de noviembre a las 8:00
            one o'clock      | 2026-12-01T13:00 | es    | martes 1 de diciembre a las 13:00
            one at night     | 2026-12-01T01:30 | es    | martes 1 de diciembre a la 1:30
            this week        | 2026-12-02T14:00 | en-US | Wednesday, December 2 at 2:00 PM
            next year        | 2027-01-04T08:00 | en-US | Monday, January 4, 2027 at 8:00 AM
            next year        | 2027-01-04T08:00 | es    | lunes 4 de enero de 2027 a las 8:00
            """)
    void inSentences(String when, String local, String locale, String expected) {
        assertThat(TIMES.sentence(at(local), NEW_YORK, Locale.forLanguageTag(locale))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} in {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            today            | 2026-11-29T12:43 | en-US | today
            today            | 2026-11-29T12:43 | es    | hoy
            tomorrow         | 2026-11-30T08:00 | en-US | tomorrow (Mon)
            yesterday        | 2026-11-28T16:10 | es    | ayer
            this week        | 2026-12-02T14:00 | en-US | Wed, Dec 2
            this week        | 2026-12-02T14:00 | es    | mié, 2 dic
            other year       | 2025-12-02T14:00 | en-US | Tue, Dec 2, 2025
            """)
    void daysAsHeadings(String when, String local, String locale, String expected) {
        assertThat(TIMES.day(at(local), NEW_YORK, Locale.forLanguageTag(locale))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            1985-03-14 | en-US | Mar 14, 1985
            1985-03-14 | es    | 14 mar 1985
            2019-09-02 | en-US | Sep 2, 2019
            2019-09-02 | es    | 2 sept 2019
            """)
    void datesAloneSuchAsDatesOfBirth(String date, String locale, String expected) {
        assertThat(TIMES.date(LocalDate.parse(date), Locale.forLanguageTag(locale))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            America/New_York    | en-US | Eastern Time (New York)
            America/Los_Angeles | en-US | Pacific Time (Los Angeles)
            America/New_York    | es    | Hora oriental (New York)
            Europe/Madrid       | en-US | Central European Time (Madrid)
            UTC                 | en-US | Coordinated Universal Time
            """)
    void timeZones(String zone, String locale, String expected) {
        assertThat(TIMES.zone(ZoneId.of(zone), Locale.forLanguageTag(locale))).isEqualTo(expected);
    }
}
