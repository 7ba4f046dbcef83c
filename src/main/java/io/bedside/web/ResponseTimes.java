package io.bedside.web;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.bedside.shared.PromisedResponse;

/**
 * A care team's promise in plain words: “usually answers within 1 business day”. The words come
 * from {@link PromisedResponse}, the same rule the due time is computed by, so they agree.
 */
@Component("responseTimes")
public class ResponseTimes {

    private final MessageSource messages;

    ResponseTimes(MessageSource messages) {
        this.messages = messages;
    }

    /** The sentence on the team card. */
    public String describe(int hours, Locale locale) {
        return messages.getMessage("expect.within", new Object[] {label(hours, locale)}, locale);
    }

    /** The promise alone: “4 business hours”, “1 business day”, “2 business days”. */
    public String label(int hours, Locale locale) {
        PromisedResponse promise = new PromisedResponse(Math.max(1, hours));
        if (promise.inBusinessDays()) {
            int days = promise.businessDays();
            return messages.getMessage(days == 1 ? "promise.day" : "promise.days", new Object[] {days}, locale);
        }
        return messages.getMessage(promise.hours() == 1 ? "promise.hour" : "promise.hours",
                new Object[] {promise.hours()}, locale);
    }

    /** The promise a form holds, as typed; “1 business day” when it holds no number. */
    public int typed(String hours) {
        try {
            return Integer.parseInt(hours == null ? "" : hours.strip());
        } catch (NumberFormatException e) {
            return 24;
        }
    }

    /** What an admin chooses from on the team page, with the team's current promise if it is another. */
    public List<Integer> choices(int current) {
        if (current < 1 || PromisedResponse.CHOICES.contains(current)) {
            return PromisedResponse.CHOICES;
        }
        return Stream.concat(PromisedResponse.CHOICES.stream(), Stream.of(current))
                .sorted().toList();
    }
}
