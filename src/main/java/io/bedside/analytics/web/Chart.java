package io.bedside.analytics.web;

import java.util.function.DoubleFunction;

/**
 * A chart drawn on the server: SVG markup (escaped throughout, no script, no style attribute), put
 * on the page as it is. Its figures are also in a table beside it, which is what screen readers
 * and printers read.
 */
record Chart(String markup) {

    static final String INK = "#1d2733";
    static final String MUTED = "#5b6776";
    static final String GRID = "#d5dbe3";
    static final String PRIMARY = "#0b5cad";
    /** Series colours, each at least 3:1 against white and told apart by the legend and the table too. */
    static final String[] SERIES = { "#0b5cad", "#136c2e", "#8a3ffc" };

    /** Shortens a label to fit the space beside a bar; the whole label is in the tooltip and the table. */
    static String shorten(String label, int max) {
        if (label == null) {
            return "";
        }
        return label.length() <= max ? label : label.substring(0, Math.max(1, max - 1)) + "…";
    }

    /** The area a chart plots in, inside its margins; counts rise from its bottom edge. */
    record Plot(double left, double top, double width, double height) {

        static Plot within(int chartWidth, int chartHeight, int left, int right, int top, int bottom) {
            return new Plot(left, top, chartWidth - left - right, chartHeight - top - bottom);
        }

        double bottom() {
            return top + height;
        }

        /** Draws the count axis on the left (gridlines, tick labels, the baseline) for values up to {@code largest}. */
        Scale countAxis(Svg svg, double largest, DoubleFunction<String> ticks) {
            Scale scale = Scale.of(largest, height, true);
            for (double tick : scale.ticks()) {
                double y = bottom() - scale.pixels(tick);
                svg.line(left, y, left + width, y, GRID);
                svg.text(left - 6, y + 4, "end", 11, MUTED, ticks.apply(tick));
            }
            svg.line(left, bottom(), left + width, bottom(), MUTED);
            return scale;
        }

        /** Words in the middle of the plot, for a chart with nothing to draw. */
        void say(Svg svg, String words) {
            svg.text(left + width / 2, top + height / 2, "middle", 13, MUTED, words);
        }
    }

    @Override
    public String toString() {
        return markup;
    }
}
