package io.bedside.scheduling;

import java.util.Arrays;
import java.util.Locale;

import io.bedside.shared.InvalidRequestException;

/** How the visit happens: in person, video or phone. */
public enum VisitType {
    IN_PERSON, VIDEO, PHONE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static VisitType fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> new InvalidRequestException("visitType", "visitType must be one of in_person, video, phone."));
    }
}
