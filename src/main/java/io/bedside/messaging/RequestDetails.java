package io.bedside.messaging;

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

    private RequestDetails() {
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
