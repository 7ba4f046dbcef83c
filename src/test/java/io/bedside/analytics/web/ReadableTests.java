package io.bedside.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Figures in words, from the real bundles, in English and Spanish. */
class ReadableTests {

    private static Readable in(String language) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new Readable(messages, Locale.forLanguageTag(language));
    }

    @Test
    void durationsInHoursAndMinutes() {
        Readable en = in("en");
        assertThat(en.duration(Duration.ofMinutes(135))).isEqualTo("2 h 15 min");
        assertThat(en.duration(Duration.ofMinutes(45).plusSeconds(40))).isEqualTo("46 min");
        assertThat(en.duration(Duration.ofHours(3))).isEqualTo("3 h");
        assertThat(en.duration(Duration.ofHours(30).plusMinutes(5))).isEqualTo("30 h 5 min");
        assertThat(en.duration(Duration.ofSeconds(12))).isEqualTo("under 1 min");
        assertThat(en.duration(null)).isEqualTo("–");
        assertThat(in("es").duration(Duration.ofSeconds(12))).isEqualTo("menos de 1 min");
        assertThat(en.duration(Duration.ofHours(1200))).isEqualTo("1,200 h");
    }

    @Test
    void sharesAndDecimals() {
        assertThat(in("en").percent(0.8666)).isEqualTo("87 %");
        assertThat(in("en").percent(0)).isEqualTo("0 %");
        assertThat(in("en").decimal(2.44)).isEqualTo("2.4");
        assertThat(in("es").decimal(2.44)).isEqualTo("2,4");
        assertThat(in("en").decimal(3)).isEqualTo("3");
    }

    @Test
    void daysAndHours() {
        assertThat(in("en").shortDay(LocalDate.of(2026, 11, 3))).isEqualTo("Nov 3");
        assertThat(in("es").shortDay(LocalDate.of(2026, 11, 3))).startsWith("3 nov");
        assertThat(in("en").day(LocalDate.of(2026, 11, 3))).isEqualTo("Nov 3, 2026");
        assertThat(Readable.hourRange(23)).isEqualTo("23:00–00:00");
        assertThat(in("es").text("analytics.conversationsCount", 1)).isEqualTo("1 conversación");
        assertThat(in("en").text("analytics.conversationsCount", 0)).isEqualTo("no conversation");
        assertThat(in("en").text("analytics.conversationsCount", 1200)).isEqualTo("1,200 conversations");
    }

    @Test
    void weekdaysInTheReadersLanguage() {
        assertThat(AnalyticsView.weekday(1, in("en"))).isEqualTo("Monday");
        assertThat(AnalyticsView.weekday(7, in("es"))).isEqualTo("Domingo");
    }
}
