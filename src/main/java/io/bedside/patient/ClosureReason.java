package io.bedside.patient;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Why a practice closed a patient's account. */
public enum ClosureReason {
    MOVED_AWAY, DECEASED, PATIENT_REQUEST, OTHER;

    /** {@code moved_away}, {@code deceased}, {@code patient_request}, {@code other}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ClosureReason> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
    }
}
