package io.bedside.analytics.web;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * Figures in the words people read, in the reader's language: {@code 2 h 15 min}, {@code 87 %}, {@code 2.4},
 * {@code Nov 3}. A missing figure (nothing answered) is a dash.
 */
final class Readable {

    static final String NONE = "–";

    private final MessageSource messages;
    private final Locale locale;

    Readable(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    Locale locale() {
        return locale;
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** {@code 2 h 15 min}, {@code 45 min}, {@code under 1 min}; whole minutes, rounded. */
    String duration(Duration duration) {
        if (duration == null) {
            return NONE;
        }
        long minutes = Math.round(duration.toSeconds() / 60.0);
        if (duration.toSeconds() < 30) {
            return text("analytics.duration.underMinute");
        }
        if (minutes < 60) {
            return text("analytics.duration.minutes", minutes);
        }
        if (minutes % 60 == 0) {
            return text("analytics.duration.hours", number(minutes / 60));
        }
        return text("analytics.duration.hoursMinutes", number(minutes / 60), minutes % 60);
    }

    /** A share 0..1 as a whole percentage: {@code 87 %}. */
    String percent(double share) {
        return text("analytics.percent", Math.round(share * 100));
    }

    /** A count with the reader's grouping: {@code 1,204}. */
    String number(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** A figure with at most one decimal: {@code 2.4} ({@code 2,4} in Spanish). */
    String decimal(double value) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(1);
        format.setMinimumFractionDigits(0);
        return format.format(value);
    }

    /** {@code Nov 3, 2026} ({@code 3 nov 2026}). */
    String day(LocalDate day) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(day);
    }

    /** {@code Nov 3} ({@code 3 nov}), for axes. */
    String shortDay(LocalDate day) {
        return DateTimeFormatter.ofPattern(text("analytics.shortDayPattern"), locale).format(day);
    }

    /** {@code 09:00}. */
    static String hour(int hour) {
        return String.format(Locale.ROOT, "%02d:00", hour);
    }

    /** {@code 09:00–10:00}. */
    static String hourRange(int hour) {
        return hour(hour) + "–" + hour((hour + 1) % 24);
    }
}
