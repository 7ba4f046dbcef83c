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

    public String format(Instant instant, ZoneId zone, Locale locale) {
        if (instant == null) {
            return "";
        }
        var local = instant.atZone(zone);
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
        if (local.toLocalDate().equals(LocalDate.now(zone))) {
            return local.format(time);
        }
        return local.format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale));
    }
}
