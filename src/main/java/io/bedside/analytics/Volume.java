package io.bedside.analytics;

import java.util.List;

/** When patients write, over a query: totals and buckets in order. */
public record Volume(AnalyticsQuery query, VolumeGrouping groupBy, VolumeTotals totals, List<VolumeBucket> buckets) {
}
