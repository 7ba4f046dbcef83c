package io.bedside.analytics;

import java.util.List;

/** Response times over a query, as a whole and per group (groups ordered by key; days in order). */
public record ResponseTimes(AnalyticsQuery query, ResponseGrouping groupBy, ResponseFigures total,
        List<ResponseFigures> groups) {
}
