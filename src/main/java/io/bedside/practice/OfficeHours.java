package io.bedside.practice;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.bedside.shared.PromisedResponse;

/**
 * When a care team answers, and business-time arithmetic on it: “1 business day” from Friday
 * evening is Monday evening, not Saturday. A team with no windows is open around the clock.
 */
public record OfficeHours(ZoneId zone, Map<DayOfWeek, List<Window>> week, Set<LocalDate> holidays) {

    /** One opening on a weekday, e.g. 08:00 to 17:00. */
    public record Window(LocalTime opens, LocalTime closes) {
        public Window {
            if (!closes.isAfter(opens)) {
                throw new IllegalArgumentException("a window closes after it opens");
            }
        }
    }

    /** Looking further than this for an opening means the hours are effectively never open. */
    private static final int MAX_DAYS = 366;

    public OfficeHours {
        Map<DayOfWeek, List<Window>> copy = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, windows) -> copy.put(day, windows.stream().sorted(Comparator.comparing(Window::opens)).toList()));
        week = Map.copyOf(copy);
        holidays = Set.copyOf(holidays);
    }

    /** The same window Monday to Friday, closed at weekends: the usual week of a practice. */
    public static Map<DayOfWeek, List<Window>> weekdays(LocalTime opens, LocalTime closes) {
        Map<DayOfWeek, List<Window>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                week.put(day, List.of(new Window(opens, closes)));
            }
        }
        return week;
    }

    public static OfficeHours alwaysOpen(ZoneId zone) {
        return new OfficeHours(zone, Map.of(), Set.of());
    }

    public boolean alwaysOpen() {
        return week.values().stream().allMatch(List::isEmpty);
    }

    public boolean isOpen(Instant at) {
        if (alwaysOpen()) {
            return true;
        }
        ZonedDateTime local = at.atZone(zone);
        return openWindows(local.toLocalDate()).stream()
                .anyMatch(w -> !local.toLocalTime().isBefore(w.opens()) && local.toLocalTime().isBefore(w.closes()));
    }

    /** The first moment at or after {@code at} when the team is open. */
    public Instant nextOpening(Instant at) {
        if (alwaysOpen() || isOpen(at)) {
            return at;
        }
        ZonedDateTime local = at.atZone(zone);
        for (int d = 0; d <= MAX_DAYS; d++) {
            LocalDate day = local.toLocalDate().plusDays(d);
            for (Window w : openWindows(day)) {
                ZonedDateTime opens = day.atTime(w.opens()).atZone(zone);
                if (!opens.isBefore(local)) {
                    return opens.toInstant();
                }
            }
        }
        return at;
    }

    /** When the team last closed before {@code at}, if it has ever been open in the past year. */
    public Optional<Instant> lastClosing(Instant at) {
        if (alwaysOpen()) {
            return Optional.empty();
        }
        ZonedDateTime local = at.atZone(zone);
        for (int d = 0; d <= MAX_DAYS; d++) {
            LocalDate day = local.toLocalDate().minusDays(d);
            List<Window> windows = new ArrayList<>(openWindows(day));
            Collections.reverse(windows);
            for (Window w : windows) {
                ZonedDateTime closes = day.atTime(w.closes()).atZone(zone);
                if (!closes.isAfter(local)) {
                    return Optional.of(closes.toInstant());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * When an answer is due under a team's promise. Whole business days: a message that arrives
     * while the team is open is due by the same time on the next open day (N open days later for
     * N days); one that arrives while it is closed is due by the close of the next open day, so a
     * Friday 3 PM message promised “1 business day” is due Monday 3 PM, a Saturday one Monday at
     * closing. Other promises count open hours ({@link #plusBusinessHours}).
     */
    public Instant answerDue(Instant start, PromisedResponse promise) {
        return promise.inBusinessDays() ? plusBusinessDays(start, promise.businessDays())
                : plusBusinessHours(start, promise.hours());
    }

    /** {@code days} business days after {@code start}, as {@link #answerDue} defines them. */
    public Instant plusBusinessDays(Instant start, int days) {
        if (alwaysOpen()) {
            return start.plus(Duration.ofDays(days));
        }
        ZonedDateTime local = start.atZone(zone);
        if (!isOpen(start)) {
            LocalDate day = nextOpening(start).atZone(zone).toLocalDate();
            for (int i = 1; i < days; i++) {
                day = nextOpenDay(day);
            }
            List<Window> windows = openWindows(day);
            if (windows.isEmpty()) {
                return start.plus(Duration.ofDays(days));
            }
            return day.atTime(windows.get(windows.size() - 1).closes()).atZone(zone).toInstant();
        }
        LocalDate day = local.toLocalDate();
        for (int i = 0; i < days; i++) {
            day = nextOpenDay(day);
        }
        List<Window> windows = openWindows(day);
        if (windows.isEmpty()) {
            return start.plus(Duration.ofDays(days));
        }
        LocalTime first = windows.get(0).opens();
        LocalTime last = windows.get(windows.size() - 1).closes();
        LocalTime time = local.toLocalTime();
        // A shorter day (a half-day Friday) is due at its closing, not after it.
        LocalTime due = time.isBefore(first) ? first : time.isAfter(last) ? last : time;
        return day.atTime(due).atZone(zone).toInstant();
    }

    private LocalDate nextOpenDay(LocalDate after) {
        for (int d = 1; d <= MAX_DAYS; d++) {
            LocalDate day = after.plusDays(d);
            if (!openWindows(day).isEmpty()) {
                return day;
            }
        }
        return after.plusDays(1);
    }

    /** {@code hours} of open time after {@code start}: the time an answer is due. */
    public Instant plusBusinessHours(Instant start, int hours) {
        if (alwaysOpen()) {
            return start.plus(Duration.ofHours(hours));
        }
        Duration left = Duration.ofHours(hours);
        ZonedDateTime cursor = nextOpening(start).atZone(zone);
        for (int guard = 0; guard < MAX_DAYS * 4; guard++) {
            LocalDate day = cursor.toLocalDate();
            for (Window w : openWindows(day)) {
                ZonedDateTime opens = day.atTime(w.opens()).atZone(zone);
                ZonedDateTime closes = day.atTime(w.closes()).atZone(zone);
                if (!closes.isAfter(cursor)) {
                    continue;
                }
                ZonedDateTime from = cursor.isAfter(opens) ? cursor : opens;
                Duration available = Duration.between(from, closes);
                if (available.compareTo(left) >= 0) {
                    return from.plus(left).toInstant();
                }
                left = left.minus(available);
                cursor = closes;
            }
            cursor = day.plusDays(1).atStartOfDay(zone);
            cursor = nextOpening(cursor.toInstant()).atZone(zone);
        }
        return start.plus(Duration.ofHours(hours));
    }

    private List<Window> openWindows(LocalDate day) {
        if (holidays.contains(day)) {
            return List.of();
        }
        return week.getOrDefault(day.getDayOfWeek(), List.of());
    }
}
