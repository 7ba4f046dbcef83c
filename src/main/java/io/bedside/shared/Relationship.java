package io.bedside.shared;

import java.util.Locale;
import java.util.Optional;

/**
 * How an account is related to a patient record it acts for. {@link #SELF} is the patient's own
 * account; the others are proxies. A parent's or guardian's access ends on its own at the patient's
 * 18th birthday; a caregiver's lasts until it is revoked.
 */
public enum Relationship {
    SELF, PARENT, GUARDIAN, CAREGIVER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this access is for a minor only, ending when the patient comes of age. */
    public boolean endsAtAdulthood() {
        return this == PARENT || this == GUARDIAN;
    }

    public static Optional<Relationship> ofCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Relationship r : values()) {
            if (r.code().equals(code.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
