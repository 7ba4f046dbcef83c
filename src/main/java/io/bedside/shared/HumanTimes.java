package io.bedside.shared;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * The one way Bedside writes dates and times for people, in English and Spanish: pages, automatic
 * replies, the PDF transcript and the audit views all come here.
 * <ul>
 * <li>{@link #at}: on a screen, as people say it: “today 12:43 PM”, “tomorrow (Mon) 8:00 AM”,
 * “yesterday 4:10 PM”, otherwise “Wed, Dec 2, 2:00 PM”, with the year only when it is not this
 * year (“Wed, Dec 2, 2025, 2:00 PM”). Spanish: “hoy 12:43”, “mañana (lun) 8:00”,
 * “mié, 2 dic, 14:00”, “mié, 2 dic 2025, 14:00”.</li>
 * <li>{@link #day}: a day heading: “today”, “yesterday”, “Wed, Dec 2”.</li>
 * <li>{@link #full}: in a document that is kept, never relative and always with the year:
 * “Wed, Dec 2, 2026, 2:00 PM” / “mié, 2 dic 2026, 14:00”.</li>
 * <li>{@link #sentence}: inside a sentence (the after-hours reply): “Monday, November 30 at
 * 8:00 AM“ / ”lunes 30 de noviembre a las 8:00“; the year only when not this year.</li>
 * <li>{@link #date}: a date alone (dates of birth): “Mar 14, 1985” / “14 mar 1985”; the month is
 * named so no reader mistakes 03/04 for April 3rd or March 4th.</li>
 * </ul>
 * Hours follow the reader's locale: 12-hour for US English, 24-hour for Spanish (and for
 * locales such as en-GB). A bare weekday (“Wed 2:00 PM”) is never used: it reads the same for last
 * week and next week.
 */
@Component
public class HumanTimes {

    private static final Locale SPANISH = Locale.forLanguageTag("es");

    private final Clock clock;

    public HumanTimes(Clock clock) {
        this.clock = clock;
    }

    /** For screens: relative words for yesterday, today and tomorrow, else the date. */
    public String at(Instant instant, ZoneId zone, Locale locale) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime local = instant.atZone(zone);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        long days = ChronoUnit.DAYS.between(today, local.toLocalDate());
        boolean spanish = spanish(locale);
        String time = time(local.toLocalTime(), locale);
        if (days == 0) {
            return (spanish ? "hoy " : "today ") + time;
        }
        if (days == 1) {
            return (spanish ? "mañana (" : "tomorrow (") + shortDay(local.getDayOfWeek(), spanish) + ") " + time;
        }
        if (days == -1) {
            return (spanish ? "ayer " : "yesterday ") + time;
        }
        return dayAndDate(local.toLocalDate(), local.getYear() != today.getYear(), spanish) + ", " + time;
    }

    /**
     * When something happened, as people say it in a list of messages or a thread (issue 19):
     * “today 12:43 PM”, “yesterday 9:05 AM”, within the week the weekday (“Tue 2 PM”), earlier this
     * year the date (“Mar 3, 2:15 PM”), and in another year the date alone (“Mar 3, 2025”).
     * Spanish, in 24 hours: “hoy 12:43”, “ayer 9:05”, “mar 14:00”, “3 mar, 14:15”, “3 mar 2025”.
     * Whole hours drop their minutes on a 12-hour clock (“2 PM”). A weekday is used only for the
     * six days before yesterday, so it always means the last one. Times still to come (a promise, a
     * scheduled send) read as {@link #at} does.
     */
    public String past(Instant instant, ZoneId zone, Locale locale) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime local = instant.atZone(zone);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        long daysAgo = ChronoUnit.DAYS.between(local.toLocalDate(), today);
        boolean spanish = spanish(locale);
        String time = spokenTime(local.toLocalTime(), locale);
        if (daysAgo < 0) {
            return at(instant, zone, locale);
        }
        if (daysAgo == 0) {
            return (spanish ? "hoy " : "today ") + time;
        }
        if (daysAgo == 1) {
            return (spanish ? "ayer " : "yesterday ") + time;
        }
        if (daysAgo < 7) {
            return shortDay(local.getDayOfWeek(), spanish) + " " + time;
        }
        LocalDate date = local.toLocalDate();
        String dayAndMonth = spanish ? date.getDayOfMonth() + " " + shortMonth(date.getMonth(), true)
                : shortMonth(date.getMonth(), false) + " " + date.getDayOfMonth();
        if (date.getYear() != today.getYear()) {
            return spanish ? dayAndMonth + " " + date.getYear() : dayAndMonth + ", " + date.getYear();
        }
        return dayAndMonth + ", " + time;
    }

    /** “2 PM”, “2:15 PM”; on a 24-hour clock always with minutes: “14:00”. */
    String spokenTime(LocalTime time, Locale locale) {
        if (!twentyFourHour(locale) && time.getMinute() == 0) {
            int hour = time.getHour() % 12 == 0 ? 12 : time.getHour() % 12;
            return hour + (time.getHour() < 12 ? " AM" : " PM");
        }
        return time(time, locale);
    }

    /**
     * A day without its time, for headings that group a day's events: “today”, “yesterday”,
     * “tomorrow (Mon)”, else “Wed, Dec 2” (with the year when not this year). Spanish: “hoy”,
     * “ayer”, “mañana (lun)”, “mié, 2 dic”.
     */
    public String day(Instant instant, ZoneId zone, Locale locale) {
        if (instant == null) {
            return "";
        }
        LocalDate date = instant.atZone(zone).toLocalDate();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        long days = ChronoUnit.DAYS.between(today, date);
        boolean spanish = spanish(locale);
        if (days == 0) {
            return spanish ? "hoy" : "today";
        }
        if (days == 1) {
            return (spanish ? "mañana (" : "tomorrow (") + shortDay(date.getDayOfWeek(), spanish) + ")";
        }
        if (days == -1) {
            return spanish ? "ayer" : "yesterday";
        }
        return dayAndDate(date, date.getYear() != today.getYear(), spanish);
    }

    /** For documents: the full date and time, with the year, never “today”. */
    public String full(Instant instant, ZoneId zone, Locale locale) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime local = instant.atZone(zone);
        return dayAndDate(local.toLocalDate(), true, spanish(locale)) + ", " + time(local.toLocalTime(), locale);
    }

    /** For sentences: “Monday, November 30 at 8:00 AM” / “lunes 30 de noviembre a las 8:00”. */
    public String sentence(Instant instant, ZoneId zone, Locale locale) {
        ZonedDateTime local = instant.atZone(zone);
        boolean otherYear = local.getYear() != LocalDate.now(clock.withZone(zone)).getYear();
        String time = time(local.toLocalTime(), locale);
        if (spanish(locale)) {
            return local.getDayOfWeek().getDisplayName(TextStyle.FULL, SPANISH) + " " + local.getDayOfMonth() + " de "
                    + local.getMonth().getDisplayName(TextStyle.FULL, SPANISH) + (otherYear ? " de " + local.getYear() : "")
                    + (local.getHour() == 1 ? " a la " : " a las ") + time;
        }
        return local.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + ", "
                + local.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + local.getDayOfMonth()
                + (otherYear ? ", " + local.getYear() : "") + " at " + time;
    }

    /** A date on its own, such as a date of birth: “Mar 14, 1985” / “14 mar 1985”. */
    public String date(LocalDate date, Locale locale) {
        if (date == null) {
            return "";
        }
        if (spanish(locale)) {
            return date.getDayOfMonth() + " " + shortMonth(date.getMonth(), true) + " " + date.getYear();
        }
        return shortMonth(date.getMonth(), false) + " " + date.getDayOfMonth() + ", " + date.getYear();
    }

    /**
     * A time zone as people know it: “Eastern Time (New York)” / “Hora oriental (New York)”: the
     * generic name, never a daylight-saving one, and the city of the zone's id.
     */
    public String zone(ZoneId zone, Locale locale) {
        return zoneName(zone, locale);
    }

    /** As {@link #zone}, where no clock is at hand (time zone lists). */
    public static String zoneName(ZoneId zone, Locale locale) {
        if (zone == null) {
            return "";
        }
        String name = zone.getDisplayName(TextStyle.FULL, spanish(locale) ? SPANISH : Locale.ENGLISH);
        String id = zone.getId();
        String city = id.contains("/") ? id.substring(id.lastIndexOf('/') + 1).replace('_', ' ') : null;
        String capitalised = name.isEmpty() ? id : Character.toUpperCase(name.charAt(0)) + name.substring(1);
        return city == null || capitalised.equals(id) ? capitalised : capitalised + " (" + city + ")";
    }

    /** “12:43 PM” or “12:43”, as the locale tells time. */
    public String time(LocalTime time, Locale locale) {
        if (twentyFourHour(locale)) {
            return time.getHour() + ":" + twoDigits(time.getMinute());
        }
        int hour = time.getHour() % 12 == 0 ? 12 : time.getHour() % 12;
        return hour + ":" + twoDigits(time.getMinute()) + (time.getHour() < 12 ? " AM" : " PM");
    }

    static boolean twentyFourHour(Locale locale) {
        if (spanish(locale)) {
            return true;
        }
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(null, FormatStyle.SHORT,
                IsoChronology.INSTANCE, locale == null ? Locale.US : locale);
        return pattern.contains("H");
    }

    private static boolean spanish(Locale locale) {
        return locale != null && "es".equals(locale.getLanguage());
    }

    private static String dayAndDate(LocalDate date, boolean withYear, boolean spanish) {
        if (spanish) {
            return shortDay(date.getDayOfWeek(), true) + ", " + date.getDayOfMonth() + " "
                    + shortMonth(date.getMonth(), true) + (withYear ? " " + date.getYear() : "");
        }
        return shortDay(date.getDayOfWeek(), false) + ", " + shortMonth(date.getMonth(), false) + " "
                + date.getDayOfMonth() + (withYear ? ", " + date.getYear() : "");
    }

    /** “Wed” / “mié”: the JDK's short names, without the abbreviation point some versions add. */
    private static String shortDay(DayOfWeek day, boolean spanish) {
        return day.getDisplayName(TextStyle.SHORT, spanish ? SPANISH : Locale.ENGLISH).replace(".", "");
    }

    /** “Dec” / “dic”; September is “sept” in Spanish. */
    private static String shortMonth(Month month, boolean spanish) {
        return DateTimeFormatter.ofPattern("MMM", spanish ? SPANISH : Locale.ENGLISH)
                .format(LocalDate.of(2000, month, 1)).replace(".", "");
    }

    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }
}
