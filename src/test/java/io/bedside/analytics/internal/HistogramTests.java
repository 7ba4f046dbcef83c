package io.bedside.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.bedside.practice.OfficeHours;

/** The histogram's buckets and percentiles, and business time over a weekend and a holiday. */
class HistogramTests {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @Test
    void bucketsAreAMinuteFiveMinutesAQuarterAndAnHour() {
        assertThat(Histogram.bucket(59)).isZero();
        assertThat(Histogram.bucket(61)).isEqualTo(60);
        assertThat(Histogram.bucket(3_599)).isEqualTo(3_540);
        assertThat(Histogram.bucket(3_899)).isEqualTo(3_600);
        assertThat(Histogram.bucket(86_399)).isEqualTo(86_100);
        assertThat(Histogram.bucket(90_000 + 899)).isEqualTo(90_000);
        assertThat(Histogram.bucket(700_000)).isEqualTo(698_400);
        assertThat(Histogram.bucket(-5)).isZero();
    }

    @Test
    void percentilesInterpolateAsPercentileContDoes() {
        Histogram h = new Histogram();
        assertThat(h.percentile(0.5)).isNull();
        h.add(1_800, 1);
        h.add(7_200, 2);
        h.add(46_800, 1);
        assertThat(h.total()).isEqualTo(4);
        assertThat(h.percentile(0.5)).isEqualTo(Duration.ofSeconds(7_200));
        assertThat(h.percentile(0.9)).isEqualTo(Duration.ofSeconds(34_920));
        assertThat(h.percentile(0)).isEqualTo(Duration.ofSeconds(1_800));
        assertThat(h.percentile(1)).isEqualTo(Duration.ofSeconds(46_800));
    }

    @Test
    void businessTimeSkipsNightsWeekendsAndHolidays() {
        OfficeHours hours = new OfficeHours(CHICAGO, OfficeHours.weekdays(LocalTime.of(8, 0), LocalTime.of(17, 0)),
                Set.of(LocalDate.of(2026, 3, 9)));
        // Friday 16:00 to Tuesday 9:00, Monday a holiday: 1 h on Friday, 1 h on Tuesday.
        assertThat(BusinessTime.seconds(hours, at(3, 6, 16, 0), at(3, 10, 9, 0))).isEqualTo(7_200);
        // Within one open day.
        assertThat(BusinessTime.seconds(hours, at(3, 11, 9, 0), at(3, 11, 9, 30))).isEqualTo(1_800);
        // Wholly while closed.
        assertThat(BusinessTime.seconds(hours, at(3, 7, 10, 0), at(3, 8, 10, 0))).isZero();
        // Open around the clock: the wall clock.
        assertThat(BusinessTime.seconds(OfficeHours.alwaysOpen(CHICAGO), at(3, 11, 10, 0), at(3, 12, 10, 0)))
                .isEqualTo(86_400);
        assertThat(BusinessTime.seconds(hours, at(3, 8, 10, 0), at(3, 7, 10, 0))).isZero();
    }

    private static Instant at(int month, int day, int hour, int minute) {
        return LocalDateTime.of(2026, month, day, hour, minute).atZone(CHICAGO).toInstant();
    }
}
