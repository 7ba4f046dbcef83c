package io.bedside.analytics;

import java.time.LocalDate;

/**
 * Conversations started in one bucket: a day ({@code day} set), an hour of the day ({@code hour}
 * 0..23), or an hour of a weekday ({@code weekday} 1 = Monday .. 7, and {@code hour}); on the
 * practice's calendar. Every bucket of the range is present, empty ones with zeroes.
 *
 * @param key "2026-03-02", "14", "1-14"
 * @param afterHours of those, started while the team was closed
 */
public record VolumeBucket(String key, LocalDate day, Integer weekday, Integer hour, long conversations,
        long afterHours) {
}
