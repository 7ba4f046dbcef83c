package io.bedside.analytics.web;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Horizontal bars, one row per group, with one bar per series in each row (response times per
 * team: one series; campaigns: targeted, read, replied side by side). Labels on the left, the
 * value written at the end of each bar, a value axis at the bottom, a legend when there are
 * several series.
 */
final class BarChart {

    /** One group: its label, and a value and its words per series (null value: nothing to draw). */
    record Row(String label, List<Double> values, List<String> valueTexts) {
    }

    static final int WIDTH = 640;
    private static final int LABEL_WIDTH = 170;
    private static final int VALUE_WIDTH = 90;
    private static final int BAR_HEIGHT = 18;
    private static final int ROW_GAP = 10;
    private static final int AXIS_HEIGHT = 28;
    private static final int LEGEND_HEIGHT = 26;

    private BarChart() {
    }

    /**
     * @param series  the series' names (a legend is drawn for two or more)
     * @param ticks   words for a value on the axis ({@code 2 h}, {@code 40})
     * @param whole   the values are counts (ticks at whole numbers)
     * @param empty   what to say when there are no rows
     */
    static Chart draw(String label, String description, List<String> series, List<Row> rows,
            DoubleFunction<String> ticks, boolean whole, String empty) {
        return draw(label, description, series, rows, ticks, whole, empty, 0);
    }

    /** As above, with an axis running at least to {@code atLeast} (a minute, not fractions of one). */
    static Chart draw(String label, String description, List<String> series, List<Row> rows,
            DoubleFunction<String> ticks, boolean whole, String empty, double atLeast) {
        int perRow = series.size() * BAR_HEIGHT + ROW_GAP;
        int top = series.size() > 1 ? LEGEND_HEIGHT : 6;
        int plotHeight = Math.max(1, rows.size()) * perRow;
        int height = top + plotHeight + AXIS_HEIGHT;
        Svg svg = new Svg(WIDTH, height, "chart bar-chart", label, description);
        if (series.size() > 1) {
            double x = LABEL_WIDTH;
            for (int s = 0; s < series.size(); s++) {
                svg.rect(x, 4, 14, 14, Chart.SERIES[s % Chart.SERIES.length], null);
                svg.text(x + 18, 15, "start", 12, Chart.INK, series.get(s));
                x += 24 + series.get(s).length() * 7;
            }
        }
        double largest = rows.stream().flatMap(r -> r.values().stream()).filter(v -> v != null)
                .mapToDouble(Double::doubleValue).max().orElse(0);
        Scale scale = Scale.of(Math.max(largest, atLeast), WIDTH - LABEL_WIDTH - VALUE_WIDTH, whole);
        for (double tick : scale.ticks()) {
            double x = LABEL_WIDTH + scale.pixels(tick);
            svg.line(x, top, x, top + plotHeight, Chart.GRID);
            svg.text(x, top + plotHeight + 18, "middle", 11, Chart.MUTED, ticks.apply(tick));
        }
        svg.line(LABEL_WIDTH, top, LABEL_WIDTH, top + plotHeight, Chart.MUTED);
        if (rows.isEmpty()) {
            svg.text(LABEL_WIDTH + 8, top + perRow / 2.0 + 4, "start", 13, Chart.MUTED, empty);
        }
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            double y = top + i * perRow + ROW_GAP / 2.0;
            svg.text(LABEL_WIDTH - 8, y + series.size() * BAR_HEIGHT / 2.0 + 4, "end", 12, Chart.INK,
                    Chart.shorten(row.label(), 24));
            for (int s = 0; s < series.size(); s++) {
                Double value = s < row.values().size() ? row.values().get(s) : null;
                String words = s < row.valueTexts().size() ? row.valueTexts().get(s) : "";
                double barY = y + s * BAR_HEIGHT;
                double w = value == null ? 0 : scale.pixels(value);
                if (value != null) {
                    svg.rect(LABEL_WIDTH, barY + 2, w, BAR_HEIGHT - 4, Chart.SERIES[s % Chart.SERIES.length], "bar",
                            row.label() + (series.size() > 1 ? ", " + series.get(s) : "") + ": " + words);
                }
                svg.text(LABEL_WIDTH + w + 6, barY + BAR_HEIGHT / 2.0 + 4, "start", 11, Chart.INK, words);
            }
        }
        return new Chart(svg.end());
    }
}
