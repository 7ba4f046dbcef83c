package io.bedside.practice;

import java.time.ZoneId;

import io.bedside.shared.PracticeId;

/**
 * A tenant: a clinic or medical group. {@code name} is its own (legal) name; {@code displayName},
 * when set, is the name patients see; {@code phone} and {@code address} are shown to patients when
 * set (null otherwise).
 */
public record Practice(PracticeId id, String slug, String name, ZoneId timeZone, String defaultLanguage,
        String displayName, String phone, String address) {

    public Practice(PracticeId id, String slug, String name, ZoneId timeZone, String defaultLanguage) {
        this(id, slug, name, timeZone, defaultLanguage, null, null, null);
    }

    /** The name to show patients (and put in notices): the display name, else the name. */
    public String shownName() {
        return displayName == null || displayName.isBlank() ? name : displayName;
    }
}
