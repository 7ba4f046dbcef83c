package io.bedside.scheduling;

import java.util.Arrays;
import java.util.Locale;

import io.bedside.shared.InvalidRequestException;

/** How soon the patient should be seen: routine, soon (within days), today. */
public enum VisitUrgency {
    ROUTINE, SOON, TODAY;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static VisitUrgency fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> new InvalidRequestException("urgency", "urgency must be one of routine, soon, today."));
    }
}
