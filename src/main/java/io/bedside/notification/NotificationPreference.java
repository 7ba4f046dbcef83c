package io.bedside.notification;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Someone's notification choices. Quiet hours run from {@code quietStart} to {@code quietEnd} in
 * their time zone and may span midnight (21:00 to 07:00); null when they have none.
 * {@code staffMessages} and {@code phone} (where a member of staff's text notices go) are staff's
 * only: for patients they are null.
 */
public record NotificationPreference(Channel channel, LocalTime quietStart, LocalTime quietEnd, ZoneId timeZone,
        StaffMessages staffMessages, String phone) {

    public boolean hasQuietHours() {
        return quietStart != null && quietEnd != null && !quietStart.equals(quietEnd);
    }

    public boolean isQuiet(Instant at) {
        if (!hasQuietHours()) {
            return false;
        }
        LocalTime local = at.atZone(timeZone).toLocalTime();
        return quietStart.isBefore(quietEnd)
                ? !local.isBefore(quietStart) && local.isBefore(quietEnd)
                : !local.isBefore(quietStart) || local.isBefore(quietEnd);
    }

    /** When the quiet hours around {@code at} end. */
    public Instant quietEndsAfter(Instant at) {
        ZonedDateTime local = at.atZone(timeZone);
        ZonedDateTime end = local.toLocalDate().atTime(quietEnd).atZone(timeZone);
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return end.toInstant();
    }
}
