package io.bedside.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one placeholder syntax of quick-reply templates and campaigns: a name in braces, written
 * {@code {firstName}} (the documented form, as in the campaign API). The older template spelling
 * {@code {first_name}} is still accepted and means the same, so templates written before keep
 * working: {@code {first_name}} is {@code {firstName}}, and {@code {team}} is
 * {@code {careTeam}}.
 */
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_]+)}");
    private static final Map<String, String> ALIASES = Map.of("team", "careTeam");

    private Placeholders() {
    }

    /**
     * The documented name for what is written in braces, or null when it is none of {@code known}
     * (documented names): {@code firstName} and {@code first_name} are one name; {@code firstname}
     * is a typo, refused rather than guessed.
     */
    public static String canonical(String written, List<String> known) {
        for (String name : known) {
            if (name.equals(written) || snake(name).equals(written)) {
                return name;
            }
        }
        String alias = ALIASES.get(written);
        return alias != null && known.contains(alias) ? alias : null;
    }

    /** firstName written the older way: first_name. */
    static String snake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** Fills every known placeholder, in either spelling; an unknown one is left as written. */
    public static String fill(String text, Map<String, String> values) {
        List<String> known = List.copyOf(values.keySet());
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = canonical(m.group(1), known);
            String value = name == null ? null : values.get(name);
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The placeholders a text uses that are none of {@code known}, as written (a misspelt name). */
    public static List<String> unknown(String text, List<String> known) {
        Matcher m = Pattern.compile("\\{([^{}\\s]*)}").matcher(text);
        List<String> unknown = new ArrayList<>();
        while (m.find()) {
            if (canonical(m.group(1), known) == null) {
                unknown.add(m.group());
            }
        }
        return unknown;
    }
}
