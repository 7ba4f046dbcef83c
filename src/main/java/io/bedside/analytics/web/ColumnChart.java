package io.bedside.analytics.web;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Vertical columns over an ordered axis (conversations by hour of the day): a count axis on the
 * left, a label under every {@code labelEvery}-th column.
 */
final class ColumnChart {

    /** One column: its label on the axis, the words for its tooltip, its value. */
    record Column(String label, String tooltip, double value) {
    }

    static final int WIDTH = 640;
    static final int HEIGHT = 240;
    private static final int LEFT = 44;
    private static final int RIGHT = 10;
    private static final int TOP = 10;
    private static final int BOTTOM = 30;

    private ColumnChart() {
    }

    static Chart draw(String label, String description, List<Column> columns, int labelEvery,
            DoubleFunction<String> ticks, String empty) {
        Svg svg = new Svg(WIDTH, HEIGHT, "chart column-chart", label, description);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double largest = columns.stream().mapToDouble(Column::value).max().orElse(0);
        Scale scale = Scale.of(largest, plotHeight, true);
        for (double tick : scale.ticks()) {
            double y = TOP + plotHeight - scale.pixels(tick);
            svg.line(LEFT, y, WIDTH - RIGHT, y, Chart.GRID);
            svg.text(LEFT - 6, y + 4, "end", 11, Chart.MUTED, ticks.apply(tick));
        }
        svg.line(LEFT, TOP + plotHeight, WIDTH - RIGHT, TOP + plotHeight, Chart.MUTED);
        if (columns.isEmpty() || largest <= 0) {
            svg.text(LEFT + plotWidth / 2, TOP + plotHeight / 2, "middle", 13, Chart.MUTED, empty);
        }
        if (columns.isEmpty()) {
            return new Chart(svg.end());
        }
        double slot = plotWidth / columns.size();
        double barWidth = Math.max(1, slot * 0.7);
        int every = Math.max(1, labelEvery);
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            double h = scale.pixels(c.value());
            double x = LEFT + i * slot + (slot - barWidth) / 2;
            if (c.value() > 0) {
                svg.rect(x, TOP + plotHeight - h, barWidth, h, Chart.PRIMARY, "bar", c.tooltip());
            }
            if (i % every == 0) {
                svg.text(LEFT + i * slot + slot / 2, HEIGHT - 10, "middle", 11, Chart.MUTED, c.label());
            }
        }
        return new Chart(svg.end());
    }
}
