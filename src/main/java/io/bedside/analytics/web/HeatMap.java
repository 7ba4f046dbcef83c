package io.bedside.analytics.web;

import java.util.List;

/**
 * A grid of rows by columns (weekday by hour of the day), each cell shaded from pale to dark by its
 * count, with a five-step legend. Cells have tooltips; the figures themselves are in the table.
 */
final class HeatMap {

    /** A cell: its row and column, the words for its tooltip, its value. */
    record Cell(int row, int column, String tooltip, double value) {
    }

    private static final int LEFT = 100;
    private static final int TOP = 22;
    private static final int CELL = 21;
    private static final int LEGEND = 36;
    /** Shades from no conversation to the busiest cell; the darkest is the chart's ink blue. */
    static final String[] SHADES = { "#f1f5fa", "#c6dbf2", "#7fb0e3", "#2f7bc8", "#0b4a8b" };

    private HeatMap() {
    }

    /**
     * @param rowLabels    one per row ({@code Monday})
     * @param columnLabels one per column; a label is drawn above every third column
     * @param legendLow    words for the palest shade ({@code none})
     * @param legendHigh   words for the darkest ({@code busiest})
     */
    static Chart draw(String label, String description, List<String> rowLabels, List<String> columnLabels,
            List<Cell> cells, String legendLow, String legendHigh) {
        int width = LEFT + columnLabels.size() * CELL + 10;
        int height = TOP + rowLabels.size() * CELL + LEGEND;
        Svg svg = new Svg(width, height, "chart heat-map", label, description);
        for (int c = 0; c < columnLabels.size(); c += 3) {
            svg.text(LEFT + c * CELL + CELL / 2.0, TOP - 8, "middle", 11, Chart.MUTED, columnLabels.get(c));
        }
        for (int r = 0; r < rowLabels.size(); r++) {
            svg.text(LEFT - 8, TOP + r * CELL + CELL / 2.0 + 4, "end", 12, Chart.INK, rowLabels.get(r));
        }
        double largest = cells.stream().mapToDouble(Cell::value).max().orElse(0);
        for (Cell cell : cells) {
            svg.rect(LEFT + cell.column() * CELL + 1, TOP + cell.row() * CELL + 1, CELL - 2, CELL - 2,
                    shade(cell.value(), largest), "cell", cell.tooltip());
        }
        double y = TOP + rowLabels.size() * CELL + 12;
        svg.text(LEFT - 8, y + 11, "end", 11, Chart.MUTED, legendLow);
        for (int i = 0; i < SHADES.length; i++) {
            svg.rect(LEFT + i * 18, y, 16, 14, SHADES[i], null);
        }
        svg.text(LEFT + SHADES.length * 18 + 6, y + 11, "start", 11, Chart.MUTED, legendHigh);
        return new Chart(svg.end());
    }

    /** The palest shade for nothing; else one of the four darker, by the share of the busiest cell. */
    static String shade(double value, double largest) {
        if (value <= 0 || largest <= 0) {
            return SHADES[0];
        }
        int step = (int) Math.ceil(value / largest * (SHADES.length - 1));
        return SHADES[Math.max(1, Math.min(SHADES.length - 1, step))];
    }
}
