package io.bedside.messaging.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.bedside.shared.InvalidRequestException;

/**
 * The structured fields of a request, by kind: what a refill, a referral or an appointment needs
 * for the team to act without asking back. PHI: stored encrypted, never logged.
 */
public final class RequestDetails {

    public static final int MAX_LENGTH = 200;

    private static final Map<ConversationKind, List<String>> FIELDS = Map.of(
            ConversationKind.REFILL, List.of("medication", "dose", "pharmacy"),
            ConversationKind.REFERRAL, List.of("specialty", "reason"),
            ConversationKind.APPOINTMENT, List.of("reason", "preferredTimes"));

    /** The field that names a request best, used to make its subject when the patient gave none. */
    private static final Map<ConversationKind, String> NAMING_FIELD = Map.of(
            ConversationKind.REFILL, "medication",
            ConversationKind.REFERRAL, "specialty",
            ConversationKind.APPOINTMENT, "reason");

    /** How a made subject begins, in English (the pages pass the reader's own words). */
    private static final Map<ConversationKind, String> LABEL = Map.of(
            ConversationKind.REFILL, "Refill",
            ConversationKind.REFERRAL, "Referral",
            ConversationKind.APPOINTMENT, "Appointment",
            ConversationKind.BILLING, "Billing");

    private static final int MADE_SUBJECT_TEXT = 60;

    private RequestDetails() {
    }

    /** Whether the kind is a structured request, whose subject may be left out and is then made from it. */
    public static boolean subjectOptional(ConversationKind kind) {
        return LABEL.containsKey(kind);
    }

    /** A subject made from the request in English, as "Refill: metformin". */
    public static String subjectFor(ConversationKind kind, Map<String, String> details, String body) {
        return subjectFor(kind, details, body, LABEL.getOrDefault(kind, "Question"));
    }

    /**
     * A subject made from the request: the label, then the field that names it (the medication of a
     * refill…) or, for a billing question, the start of the message; just the label when neither is given.
     */
    public static String subjectFor(ConversationKind kind, Map<String, String> details, String body, String label) {
        String field = NAMING_FIELD.get(kind);
        String text = field != null && details != null && details.get(field) != null ? details.get(field).strip() : "";
        if (text.isEmpty() && body != null) {
            text = body.strip().replaceAll("\\s+", " ");
        }
        if (text.length() > MADE_SUBJECT_TEXT) {
            int cut = text.lastIndexOf(' ', MADE_SUBJECT_TEXT);
            text = text.substring(0, cut > MADE_SUBJECT_TEXT / 2 ? cut : MADE_SUBJECT_TEXT) + "…";
        }
        return text.isEmpty() ? label : label + ": " + text;
    }

    /** The fields a kind of request has, in the order a form shows them. */
    public static List<String> fieldsOf(ConversationKind kind) {
        return FIELDS.getOrDefault(kind, List.of());
    }

    /** Keeps the known, non-blank fields of the kind; refuses unknown fields and overlong values. */
    public static Map<String, String> check(ConversationKind kind, Map<String, String> details) {
        Map<String, String> kept = new LinkedHashMap<>();
        if (details == null) {
            return kept;
        }
        List<String> allowed = fieldsOf(kind);
        for (var entry : details.entrySet()) {
            if (!allowed.contains(entry.getKey())) {
                throw new InvalidRequestException("details." + entry.getKey(),
                        "A " + kind.code() + " has no field '" + entry.getKey() + "'"
                                + (allowed.isEmpty() ? "." : "; its fields are " + String.join(", ", allowed) + "."));
            }
            String value = entry.getValue() == null ? "" : entry.getValue().strip();
            if (value.length() > MAX_LENGTH) {
                throw new InvalidRequestException("details." + entry.getKey(),
                        entry.getKey() + " is too long: at most " + MAX_LENGTH + " characters.");
            }
            if (!value.isEmpty()) {
                kept.put(entry.getKey(), value);
            }
        }
        if (kind == ConversationKind.REFILL && !kept.containsKey("medication")) {
            throw new InvalidRequestException("details.medication", "Say which medication needs a refill.");
        }
        return kept;
    }
}
