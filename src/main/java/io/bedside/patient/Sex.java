package io.bedside.patient;

import java.util.Locale;

/** Administrative sex, as the roster format carries it. */
public enum Sex {
    FEMALE, MALE, OTHER, UNKNOWN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Sex fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
