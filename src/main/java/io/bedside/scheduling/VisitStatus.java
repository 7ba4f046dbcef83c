package io.bedside.scheduling;

import java.util.Arrays;
import java.util.Locale;

import io.bedside.shared.InvalidRequestException;

/**
 * Where a visit request stands: requested (the front desk has not offered a time yet), offered (a
 * time was offered, waiting on the patient), booked (the visit is on the calendar), declined (the
 * patient turned it down, or the front desk closed it). Codes are stored and in the API.
 */
public enum VisitStatus {
    REQUESTED, OFFERED, BOOKED, DECLINED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status of a code; an unknown one is a bad request naming {@code field}. */
    public static VisitStatus fromCode(String field, String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> new InvalidRequestException(field,
                        field + " must be one of requested, offered, booked, declined."));
    }
}
