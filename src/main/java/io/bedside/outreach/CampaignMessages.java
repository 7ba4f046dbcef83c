package io.bedside.outreach;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.Placeholders;

/**
 * A campaign's message, one text per language, with the placeholders {firstName}, {practice} and
 * {careTeam} (also read as {first_name}, {practice}, {care_team} or {team}, the older template spelling). A patient gets the text in their language, else in the practice's default language.
 */
public record CampaignMessages(String en, String es) {

    static final int MAX_CHARACTERS = 5000;
    /** The placeholders a campaign may use, written {firstName} (the templates' {first_name} is read the same). */
    public static final List<String> PLACEHOLDERS = List.of("firstName", "practice", "careTeam");

    public CampaignMessages {
        en = blankToNull(en);
        es = blankToNull(es);
    }

    /**
     * Reads the texts from a request: only en and es, each within the length limit and naming only
     * known placeholders, and one for the practice's default language.
     */
    public static CampaignMessages parse(Map<String, ?> json, String defaultLanguage) {
        if (json == null || json.isEmpty()) {
            throw new InvalidRequestException("messages", "Write the message: messages.en and/or messages.es.");
        }
        for (Map.Entry<String, ?> e : json.entrySet()) {
            if (!Cohort.LANGUAGES.contains(e.getKey())) {
                throw new InvalidRequestException("messages." + e.getKey(),
                        "Messages can be written in en and es; \"" + e.getKey() + "\" is not one of them.");
            }
            if (e.getValue() != null && !(e.getValue() instanceof String)) {
                throw new InvalidRequestException("messages." + e.getKey(), "The message must be text.");
            }
        }
        CampaignMessages messages = new CampaignMessages((String) json.get("en"), (String) json.get("es"));
        messages.check("en", messages.en);
        messages.check("es", messages.es);
        String primary = defaultLanguage == null ? "en" : defaultLanguage.toLowerCase(Locale.ROOT).split("-")[0];
        if (messages.in(primary) == null) {
            throw new InvalidRequestException("messages." + primary,
                    "Write the message in the practice's language (" + primary + "): patients without a translation get it.");
        }
        return messages;
    }

    private void check(String language, String text) {
        if (text == null) {
            return;
        }
        if (text.length() > MAX_CHARACTERS) {
            throw new InvalidRequestException("messages." + language,
                    "The message is too long: at most " + MAX_CHARACTERS + " characters.");
        }
        List<String> unknown = Placeholders.unknown(text, PLACEHOLDERS);
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException("messages." + language, "Unknown placeholder " + unknown.get(0)
                    + ": use {firstName}, {practice} or {careTeam}.");
        }
    }

    /** The text in this primary language, or null. */
    public String in(String language) {
        return switch (language) {
            case "en" -> en;
            case "es" -> es;
            default -> null;
        };
    }

    /** The text for a patient who speaks {@code patientLanguage}, filled in for them. */
    public String render(String patientLanguage, String defaultLanguage, String firstName, String practice,
            String careTeam) {
        return fill(in(languageFor(patientLanguage, defaultLanguage)), firstName, practice, careTeam);
    }

    /**
     * The language of the text a patient who speaks {@code patientLanguage} gets: theirs when it is
     * written, else the practice's default, else whichever text there is.
     */
    public String languageFor(String patientLanguage, String defaultLanguage) {
        if (in(primary(patientLanguage)) != null) {
            return primary(patientLanguage);
        }
        if (in(primary(defaultLanguage)) != null) {
            return primary(defaultLanguage);
        }
        return en != null ? "en" : "es";
    }

    /** One text filled in: the placeholders in either spelling become the patient's values. */
    public static String fill(String text, String firstName, String practice, String careTeam) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("firstName", firstName);
        values.put("practice", practice);
        values.put("careTeam", careTeam);
        return Placeholders.fill(text, values);
    }

    public Map<String, String> toJson() {
        Map<String, String> json = new LinkedHashMap<>();
        if (en != null) {
            json.put("en", en);
        }
        if (es != null) {
            json.put("es", es);
        }
        return json;
    }

    static String primary(String language) {
        return language == null ? "" : language.toLowerCase(Locale.ROOT).split("-")[0];
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
