package io.bedside.analytics.web;

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

    @Override
    public String toString() {
        return markup;
    }
}
