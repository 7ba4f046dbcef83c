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
        Chart.Plot plot = Chart.Plot.within(WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM);
        double largest = columns.stream().mapToDouble(Column::value).max().orElse(0);
        Scale scale = plot.countAxis(svg, largest, ticks);
        if (columns.isEmpty() || largest <= 0) {
            plot.say(svg, empty);
        }
        if (columns.isEmpty()) {
            return new Chart(svg.end());
        }
        double slot = plot.width() / columns.size();
        double barWidth = Math.max(1, slot * 0.7);
        int every = Math.max(1, labelEvery);
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            double h = scale.pixels(c.value());
            double x = plot.left() + i * slot + (slot - barWidth) / 2;
            if (c.value() > 0) {
                svg.rect(x, plot.bottom() - h, barWidth, h, Chart.PRIMARY, "bar", c.tooltip());
            }
            if (i % every == 0) {
                svg.text(plot.left() + i * slot + slot / 2, HEIGHT - 10, "middle", 11, Chart.MUTED, c.label());
            }
        }
        return new Chart(svg.end());
    }
}
