package io.bedside.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.bedside.shared.Placeholders;

/**
 * The placeholders a quick-reply template may use, and filling them in for one conversation: the
 * firstName placeholder in braces becomes the patient's first name, and so on. The syntax is the
 * campaigns' one ({@link Placeholders}); the older first_name spelling is read the same.
 */
public final class ReplyPlaceholders {

    /** Every placeholder, in the order the templates page lists them. */
    public static final List<String> NAMES = List.of("firstName", "lastName", "practice", "careTeam", "myName");

    private ReplyPlaceholders() {
    }

    /** The values for one conversation. */
    public static Map<String, String> values(String patientFirstName, String patientLastName, String practice,
            String team, String myName) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("firstName", patientFirstName);
        values.put("lastName", patientLastName);
        values.put("practice", practice);
        values.put("careTeam", team);
        values.put("myName", myName);
        return values;
    }

    public static String fill(String template, Map<String, String> values) {
        return Placeholders.fill(template, values);
    }

    /** The placeholders a text uses that do not exist, such as a misspelt firstname in braces. */
    public static List<String> unknown(String template) {
        return Placeholders.unknown(template, NAMES);
    }
}
