package io.bedside.analytics;

import java.time.LocalDate;
import java.util.Optional;

import io.bedside.shared.CareTeamId;

/**
 * The days asked about, on the practice's calendar, both ends included, and optionally one care
 * team (absent: every team the reader may see).
 */
public record AnalyticsQuery(LocalDate from, LocalDate to, Optional<CareTeamId> teamId) {
}
