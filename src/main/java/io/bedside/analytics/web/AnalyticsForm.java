package io.bedside.analytics.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.bedside.analytics.AnalyticsQuery;
import io.bedside.analytics.ResponseGrouping;
import io.bedside.analytics.VolumeGrouping;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.NotFoundException;

/**
 * What the analytics form (and the CSV addresses) ask: dates, a team, a grouping, read from the
 * query string. Mistakes a reader can fix are collected as message keys by field; a team id that
 * is not an id names nothing, as a missing team does (404). Missing dates are left for the service
 * to settle (the last 30 days).
 */
record AnalyticsForm(AnalyticsQuery query, ResponseGrouping responseGrouping, VolumeGrouping volumeGrouping,
        Map<String, String> errors) {

    /** The longest range, in days, both ends included (as the service allows). */
    static final int MAX_DAYS = 366;

    static AnalyticsForm read(String from, String to, String teamId, String groupBy, String volumeGroupBy) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate start = day(from, "from", errors);
        LocalDate end = day(to, "to", errors);
        if (start != null && end != null) {
            if (end.isBefore(start)) {
                errors.put("to", "analytics.error.order");
            } else if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
                errors.put("from", "analytics.error.tooLong");
            }
        }
        Optional<CareTeamId> team = Optional.empty();
        if (teamId != null && !teamId.isBlank()) {
            try {
                team = Optional.of(CareTeamId.of(UUID.fromString(teamId.trim())));
            } catch (IllegalArgumentException e) {
                throw new NotFoundException("No such care team.");
            }
        }
        ResponseGrouping responses = ResponseGrouping.TEAM;
        if (groupBy != null && !groupBy.isBlank()) {
            responses = find(ResponseGrouping.values(), groupBy);
            if (responses == null) {
                errors.put("groupBy", "analytics.error.groupBy");
                responses = ResponseGrouping.TEAM;
            }
        }
        VolumeGrouping volume = VolumeGrouping.DAY;
        if (volumeGroupBy != null && !volumeGroupBy.isBlank()) {
            volume = find(VolumeGrouping.values(), volumeGroupBy);
            if (volume == null) {
                errors.put("groupBy", "analytics.error.groupBy");
                volume = VolumeGrouping.DAY;
            }
        }
        return new AnalyticsForm(new AnalyticsQuery(start, end, team), responses, volume, Map.copyOf(errors));
    }

    boolean valid() {
        return errors.isEmpty();
    }

    private static LocalDate day(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            errors.put(field, "analytics.error." + field);
            return null;
        }
    }

    private static <E extends Enum<E>> E find(E[] values, String code) {
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        for (E value : values) {
            if (value.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(wanted)) {
                return value;
            }
        }
        return null;
    }
}
