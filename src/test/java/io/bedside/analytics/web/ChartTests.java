package io.bedside.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The chart builders draw well-formed SVG a screen reader can name (role="img", aria-label, title,
 * desc), with no style attribute or element (the CSP refuses them) and every text escaped; bars
 * and points sit where the scale puts them; empty data and a single point are drawn sensibly.
 */
class ChartTests {

    private static Document parse(Chart chart) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(chart.markup().getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertAccessibleAndStyleFree(Chart chart, String label) throws Exception {
        Document svg = parse(chart);
        Element root = svg.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("svg");
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-label")).isEqualTo(label);
        assertThat(root.getElementsByTagName("title").item(0).getTextContent()).isEqualTo(label);
        assertThat(root.getElementsByTagName("desc").getLength()).isEqualTo(1);
        assertThat(chart.markup()).doesNotContain("style").doesNotContain("<script").doesNotContain("NaN")
                .doesNotContain("Infinity");
    }

    private static List<Element> elements(Chart chart, String tag, String cssClass) throws Exception {
        NodeList nodes = parse(chart).getElementsByTagName(tag);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (cssClass == null || cssClass.equals(e.getAttribute("class"))) {
                found.add(e);
            }
        }
        return found;
    }

    private static List<String> texts(Chart chart) throws Exception {
        return elements(chart, "text", null).stream().map(Element::getTextContent).toList();
    }

    @Test
    void barsAreAsLongAsTheirValueOnTheScale() throws Exception {
        Chart chart = BarChart.draw("First reply by team", "Two bars per team", List.of("Median", "9 in 10"),
                List.of(new BarChart.Row("Dr. Patel's team", Arrays.asList(60.0, 120.0), List.of("1 h", "2 h")),
                        new BarChart.Row("Billing <& front desk>", Arrays.asList(30.0, null), List.of("30 min", "–"))),
                v -> (long) v + " min", false, "Nothing");
        assertAccessibleAndStyleFree(chart, "First reply by team");
        List<Element> bars = elements(chart, "rect", "bar");
        assertThat(bars).hasSize(3);
        double longest = Double.parseDouble(bars.get(1).getAttribute("width"));
        assertThat(Double.parseDouble(bars.get(0).getAttribute("width"))).isCloseTo(longest / 2,
                org.assertj.core.data.Offset.offset(0.2));
        assertThat(Double.parseDouble(bars.get(2).getAttribute("width"))).isCloseTo(longest / 4,
                org.assertj.core.data.Offset.offset(0.2));
        assertThat(bars.get(0).getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("Dr. Patel's team, Median: 1 h");
        assertThat(texts(chart)).contains("Billing <& front desk>", "0 min", "150 min", "Median", "9 in 10", "–");
        assertThat(chart.markup()).contains("Billing &lt;&amp; front desk&gt;");
    }

    @Test
    void anAxisOfDurationsRunsToAWholeMinuteAtLeast() throws Exception {
        Chart chart = BarChart.draw("Fast", "D", List.of("Median"),
                List.of(new BarChart.Row("Team", List.of(0.2), List.of("under 1 min"))), v -> v + " min", false, "", 1);
        assertThat(texts(chart)).contains("0.0 min", "1.0 min").doesNotContain("0.2 min");
    }

    @Test
    void aBarChartWithoutRowsSaysSo() throws Exception {
        Chart chart = BarChart.draw("Campaigns", "None", List.of("Targeted", "Read", "Replied"), List.of(),
                v -> String.valueOf((long) v), true, "No campaign started in this range.");
        assertAccessibleAndStyleFree(chart, "Campaigns");
        assertThat(elements(chart, "rect", "bar")).isEmpty();
        assertThat(texts(chart)).contains("No campaign started in this range.", "0", "1");
    }

    @Test
    void longLabelsAreShortenedButTheTooltipKeepsThemWhole() throws Exception {
        String name = "A campaign with a very long name indeed, longer than the space";
        Chart chart = BarChart.draw("C", "D", List.of("Targeted"),
                List.of(new BarChart.Row(name, List.of(4.0), List.of("4"))), v -> "", true, "");
        assertThat(texts(chart)).anyMatch(t -> t.endsWith("…") && t.length() == 24);
        assertThat(elements(chart, "rect", "bar").get(0).getTextContent()).isEqualTo(name + ": 4");
    }

    @Test
    void columnsRiseWithTheirCount() throws Exception {
        List<ColumnChart.Column> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            hours.add(new ColumnChart.Column(Readable.hour(h), h + "h", h == 9 ? 4 : h == 14 ? 2 : 0));
        }
        Chart chart = ColumnChart.draw("By hour", "Busiest 09:00", hours, 3, v -> String.valueOf((long) v), "None");
        assertAccessibleAndStyleFree(chart, "By hour");
        List<Element> bars = elements(chart, "rect", "bar");
        assertThat(bars).hasSize(2);
        double nine = Double.parseDouble(bars.get(0).getAttribute("height"));
        double two = Double.parseDouble(bars.get(1).getAttribute("height"));
        assertThat(two).isCloseTo(nine / 2, org.assertj.core.data.Offset.offset(0.2));
        assertThat(texts(chart)).contains("00:00", "03:00", "21:00").doesNotContain("01:00", "None");
    }

    @Test
    void anEmptyColumnChartSaysSo() throws Exception {
        Chart chart = ColumnChart.draw("By hour", "None", List.of(), 3, v -> String.valueOf((long) v), "Nothing yet");
        assertAccessibleAndStyleFree(chart, "By hour");
        assertThat(texts(chart)).contains("Nothing yet");
    }

    @Test
    void aLineJoinsTheDaysAndLabelsTheFirstAndLast() throws Exception {
        List<LineChart.Point> days = new ArrayList<>();
        for (int d = 1; d <= 30; d++) {
            days.add(new LineChart.Point("Nov " + d, "Nov " + d + ": " + d % 3, d % 3));
        }
        Chart chart = LineChart.draw("By day", "30 days", days, v -> String.valueOf((long) v), "None");
        assertAccessibleAndStyleFree(chart, "By day");
        assertThat(elements(chart, "polyline", null)).hasSize(1);
        assertThat(elements(chart, "circle", null)).hasSize(30);
        List<String> labels = texts(chart).stream().filter(t -> t.startsWith("Nov")).toList();
        assertThat(labels).startsWith("Nov 1").endsWith("Nov 30").hasSizeLessThanOrEqualTo(7);
        String points = elements(chart, "polyline", null).get(0).getAttribute("points");
        assertThat(points.split(" ")).hasSize(30);
    }

    @Test
    void aSinglePointIsADotInTheMiddle() throws Exception {
        Chart chart = LineChart.draw("By day", "One day", List.of(new LineChart.Point("Nov 3", "Nov 3: 2", 2)),
                v -> String.valueOf((long) v), "None");
        assertAccessibleAndStyleFree(chart, "By day");
        assertThat(elements(chart, "polyline", null)).isEmpty();
        List<Element> dots = elements(chart, "circle", null);
        assertThat(dots).hasSize(1);
        assertThat(Double.parseDouble(dots.get(0).getAttribute("cx"))).isCloseTo(LineChart.WIDTH / 2.0,
                org.assertj.core.data.Offset.offset(15.0));
        assertThat(texts(chart)).contains("Nov 3", "2");
    }

    @Test
    void noDaysAtAllSaysSo() throws Exception {
        Chart chart = LineChart.draw("By day", "None", List.of(), v -> String.valueOf((long) v), "No conversation");
        assertAccessibleAndStyleFree(chart, "By day");
        assertThat(texts(chart)).contains("No conversation");
        assertThat(elements(chart, "circle", null)).isEmpty();
    }

    @Test
    void theHeatMapShadesByTheBusiestCell() throws Exception {
        List<HeatMap.Cell> cells = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            for (int h = 0; h < 24; h++) {
                cells.add(new HeatMap.Cell(d, h, d + "/" + h, d == 0 && h == 9 ? 8 : d == 2 && h == 20 ? 1 : 0));
            }
        }
        Chart chart = HeatMap.draw("Week", "Busiest Monday 09:00", List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat",
                "Sun"), java.util.stream.IntStream.range(0, 24).mapToObj(Readable::hour).toList(), cells, "none",
                "busiest");
        assertAccessibleAndStyleFree(chart, "Week");
        List<Element> rects = elements(chart, "rect", "cell");
        assertThat(rects).hasSize(168);
        assertThat(rects.get(9).getAttribute("fill")).isEqualTo(HeatMap.SHADES[4]);
        assertThat(rects.get(2 * 24 + 20).getAttribute("fill")).isEqualTo(HeatMap.SHADES[1]);
        assertThat(rects.get(0).getAttribute("fill")).isEqualTo(HeatMap.SHADES[0]);
        assertThat(texts(chart)).contains("Mon", "Sun", "00:00", "21:00", "none", "busiest");
    }

    @Test
    void shadesOfNothing() {
        assertThat(HeatMap.shade(0, 0)).isEqualTo(HeatMap.SHADES[0]);
        assertThat(HeatMap.shade(3, 3)).isEqualTo(HeatMap.SHADES[4]);
        assertThat(HeatMap.shade(0.01, 100)).isEqualTo(HeatMap.SHADES[1]);
    }

    @Test
    void coloursContrastWithTheWhiteBackground() {
        for (String colour : List.of(Chart.INK, Chart.MUTED, Chart.PRIMARY, Chart.SERIES[0], Chart.SERIES[1],
                Chart.SERIES[2], HeatMap.SHADES[3], HeatMap.SHADES[4])) {
            assertThat(contrast(colour, "#ffffff")).as(colour).isGreaterThanOrEqualTo(3.0);
        }
        assertThat(contrast(Chart.MUTED, "#ffffff")).as("axis text").isGreaterThanOrEqualTo(4.5);
    }

    @Test
    void numbersAreShortAndTextIsEscaped() {
        assertThat(Svg.num(12.04)).isEqualTo("12");
        assertThat(Svg.num(12.25)).isEqualTo("12.3");
        assertThat(Svg.escape("a\"<b>&'c\u0001")).isEqualTo("a&quot;&lt;b&gt;&amp;&#39;c ");
    }

    private static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
