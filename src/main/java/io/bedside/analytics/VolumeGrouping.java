package io.bedside.analytics;

import java.util.Locale;

/** How volume is broken down: {@code groupBy=day|hour|weekday-hour}. */
public enum VolumeGrouping {
    DAY, HOUR, WEEKDAY_HOUR;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
