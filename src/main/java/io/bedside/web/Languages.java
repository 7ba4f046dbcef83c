package io.bedside.web;

import java.util.Locale;

import org.springframework.stereotype.Component;

/** Language names on pages, in the reader's language: "es" is "Spanish" to one reader, "español" to another. */
@Component("languages")
public class Languages {

    public String name(String tag, Locale reader) {
        if (tag == null || tag.isBlank()) {
            return "";
        }
        String name = Locale.forLanguageTag(tag).getDisplayLanguage(reader);
        return name.isEmpty() ? tag : name;
    }
}
