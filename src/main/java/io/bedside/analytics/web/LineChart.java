package io.bedside.analytics.web;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A line over ordered points (conversations by day): a count axis on the left, a handful of
 * labels along the bottom (first and last always), a dot with a tooltip on every point when they
 * are few enough to tell apart. A single point is a dot in the middle.
 */
final class LineChart {

    /** One point: its label on the axis, the words for its tooltip, its value. */
    record Point(String label, String tooltip, double value) {
    }

    static final int WIDTH = 640;
    static final int HEIGHT = 240;
    private static final int LEFT = 44;
    private static final int RIGHT = 24;
    private static final int TOP = 10;
    private static final int BOTTOM = 30;
    private static final int MAX_LABELS = 6;
    private static final int MAX_DOTS = 62;

    private LineChart() {
    }

    static Chart draw(String label, String description, List<Point> points, DoubleFunction<String> ticks, String empty) {
        Svg svg = new Svg(WIDTH, HEIGHT, "chart line-chart", label, description);
        Chart.Plot plot = Chart.Plot.within(WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM);
        double largest = points.stream().mapToDouble(Point::value).max().orElse(0);
        Scale scale = plot.countAxis(svg, largest, ticks);
        if (points.isEmpty()) {
            plot.say(svg, empty);
            return new Chart(svg.end());
        }
        int n = points.size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = n == 1 ? plot.left() + plot.width() / 2 : plot.left() + plot.width() * i / (n - 1);
            ys[i] = plot.bottom() - scale.pixels(points.get(i).value());
        }
        if (n > 1) {
            svg.polyline(xs, ys, Chart.PRIMARY, 2);
        }
        if (n <= MAX_DOTS) {
            for (int i = 0; i < n; i++) {
                svg.circle(xs[i], ys[i], 3.5, Chart.PRIMARY, points.get(i).tooltip());
            }
        }
        int every = Math.max(1, (int) Math.ceil((double) (n - 1) / (MAX_LABELS - 1)));
        for (int i = 0; i < n; i++) {
            // The last point is always labelled; a label just before it is left out so the two do not overlap.
            boolean shown = i == n - 1 || (i % every == 0 && n - 1 - i >= Math.max(1, every / 2));
            if (shown) {
                svg.text(xs[i], HEIGHT - 10, anchor(n, i), 11, Chart.MUTED, points.get(i).label());
            }
        }
        return new Chart(svg.end());
    }

    private static String anchor(int n, int i) {
        if (n == 1) {
            return "middle";
        }
        return i == 0 ? "start" : i == n - 1 ? "end" : "middle";
    }
}
