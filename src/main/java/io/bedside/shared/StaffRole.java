package io.bedside.shared;

import java.util.Locale;

/** What a member of staff does at their practice. */
public enum StaffRole {
    PHYSICIAN,
    NURSE,
    MEDICAL_ASSISTANT,
    FRONT_DESK,
    PRACTICE_ADMIN;

    /** The lower-case name used in the API and the database ("practice_admin"). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StaffRole fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
