package io.bedside.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders a quick-reply template may use, and filling them in for one conversation: the
 * first_name placeholder in braces becomes the patient's first name, and so on.
 */
public final class ReplyPlaceholders {

    /** Every placeholder, in the order the templates page lists them. */
    public static final List<String> NAMES = List.of("first_name", "last_name", "practice", "team", "my_name");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    private ReplyPlaceholders() {
    }

    /** The values for one conversation. */
    public static Map<String, String> values(String patientFirstName, String patientLastName, String practice,
            String team, String myName) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("first_name", patientFirstName);
        values.put("last_name", patientLastName);
        values.put("practice", practice);
        values.put("team", team);
        values.put("my_name", myName);
        return values;
    }

    public static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The placeholders a text uses that do not exist, such as a misspelt firstname in braces. */
    public static List<String> unknown(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        List<String> unknown = new java.util.ArrayList<>();
        while (m.find()) {
            if (!NAMES.contains(m.group(1))) {
                unknown.add(m.group());
            }
        }
        return unknown;
    }
}
