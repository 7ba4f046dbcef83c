package io.bedside.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A care team's promise in plain words: "usually answers within 1 business day". */
@Component("responseTimes")
public class ResponseTimes {

    private final MessageSource messages;

    ResponseTimes(MessageSource messages) {
        this.messages = messages;
    }

    public String describe(int hours, Locale locale) {
        if (hours >= 24 && hours % 24 == 0) {
            int days = hours / 24;
            return messages.getMessage(days == 1 ? "expect.day" : "expect.days", new Object[] {days}, locale);
        }
        return messages.getMessage(hours == 1 ? "expect.hour" : "expect.hours", new Object[] {hours}, locale);
    }
}
