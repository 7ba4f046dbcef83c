package io.bedside.analytics;

import java.time.Duration;

/**
 * First-response figures of one group (or of the whole selection): how many waits were answered,
 * the median and 90th percentile in business time (office hours of the team, holidays excluded)
 * and on the wall clock, and how many were answered by the promised time.
 *
 * @param key    the group's code: a team or staff id, a kind code, an ISO day; "total" for the whole
 * @param label  what a reader calls it: the team's or staff member's name, the kind code, the day
 * @param durations null when {@code answered} is 0
 */
public record ResponseFigures(String key, String label, long answered, Duration businessMedian,
        Duration businessP90, Duration wallClockMedian, Duration wallClockP90, long withinPromise) {

    /** Share of answered waits answered by the promised time, 0..1; 0 when none were answered. */
    public double withinPromiseShare() {
        return answered == 0 ? 0 : (double) withinPromise / answered;
    }
}
