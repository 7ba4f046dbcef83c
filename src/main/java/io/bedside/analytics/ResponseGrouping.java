package io.bedside.analytics;

import java.util.Locale;

/** How response times are broken down: {@code groupBy=team|kind|staff|day}. */
public enum ResponseGrouping {
    TEAM, KIND, STAFF, DAY;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
