package io.bedside.shared;

import java.util.List;

/**
 * What a care team promises patients, in the words the admin chose and the team card shows:
 * “4 business hours”, “1 business day”, “2 business days”. It is stored as hours (the API's
 * {@code expectedResponseHours}); a whole multiple of 24 means that many business days, anything
 * else that many business (open) hours.
 * <p>
 * One business day is defined once, in {@code OfficeHours.answerDue}: a message that arrives
 * while the team is open is due by the same time on the next open day; one that arrives while it
 * is closed is due by the end of the next open day. The team card's words and the due time the
 * patient and the team see both come from here, so they cannot disagree.
 */
public record PromisedResponse(int hours) {

    /** The choices an admin has on the team page, in hours. */
    public static final List<Integer> CHOICES = List.of(4, 24, 48, 72);

    public PromisedResponse {
        if (hours < 1) {
            throw new IllegalArgumentException("a promise is at least one hour");
        }
    }

    public boolean inBusinessDays() {
        return hours % 24 == 0;
    }

    /** Whole business days; only when {@link #inBusinessDays()}. */
    public int businessDays() {
        return hours / 24;
    }
}
