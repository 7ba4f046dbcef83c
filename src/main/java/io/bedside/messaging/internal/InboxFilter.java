package io.bedside.messaging.internal;

/**
 * The views of a care team's shared inbox. Every view but {@code CLOSED} and {@code ALL} leaves out
 * closed conversations, because they need nobody's attention.
 */
public enum InboxFilter {
    /** Needs an answer: status open. The default. */
    OPEN,
    /** Has messages the reader has not read. */
    UNREAD,
    /** Assigned to the reader. */
    MINE,
    UNASSIGNED,
    URGENT,
    /** The team asked the patient something and waits for the answer. */
    WAITING,
    CLOSED,
    ALL,
    /** Snoozed until a later day; back in the other views when the day comes or the patient writes. */
    SNOOZED;

    public String code() {
        return Codes.of(this);
    }

    public static InboxFilter fromCode(String code) {
        return code == null || code.isBlank() ? OPEN : Codes.parse(InboxFilter.class, "filter", code);
    }
}
