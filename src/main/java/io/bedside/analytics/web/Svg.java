package io.bedside.analytics.web;

import java.util.Locale;

/**
 * A small writer of SVG markup: elements with presentation attributes only (never a style
 * attribute or element, which the page's content security policy refuses), every text and
 * attribute value escaped. Coordinates are written with at most one decimal.
 */
final class Svg {

    private final StringBuilder out = new StringBuilder();

    /** Opens the root element: an image for assistive technology, named by its label, with a title and a description. */
    Svg(int width, int height, String cssClass, String label, String description) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" class=\"").append(escape(cssClass)).append("\" role=\"img\" aria-label=\"")
                .append(escape(label)).append("\" font-family=\"system-ui, sans-serif\">");
        out.append("<title>").append(escape(label)).append("</title>");
        out.append("<desc>").append(escape(description)).append("</desc>");
    }

    Svg rect(double x, double y, double width, double height, String fill, String cssClass) {
        return rect(x, y, width, height, fill, cssClass, null);
    }

    /** A rectangle, with a tooltip (a child title) when {@code tooltip} is not null, as bars and heat-map cells have. */
    Svg rect(double x, double y, double width, double height, String fill, String cssClass, String tooltip) {
        out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                .append(num(Math.max(0, width))).append("\" height=\"").append(num(Math.max(0, height)))
                .append("\" fill=\"").append(escape(fill)).append('"');
        if (cssClass != null) {
            out.append(" class=\"").append(escape(cssClass)).append('"');
        }
        if (tooltip == null) {
            out.append("/>");
        } else {
            out.append("><title>").append(escape(tooltip)).append("</title></rect>");
        }
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke) {
        out.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"").append(num(x2))
                .append("\" y2=\"").append(num(y2)).append("\" stroke=\"").append(escape(stroke)).append("\"/>");
        return this;
    }

    Svg polyline(double[] xs, double[] ys, String stroke, double strokeWidth) {
        out.append("<polyline fill=\"none\" stroke=\"").append(escape(stroke)).append("\" stroke-width=\"")
                .append(num(strokeWidth)).append("\" points=\"");
        for (int i = 0; i < xs.length; i++) {
            out.append(i == 0 ? "" : " ").append(num(xs[i])).append(',').append(num(ys[i]));
        }
        out.append("\"/>");
        return this;
    }

    Svg circle(double cx, double cy, double r, String fill, String tooltip) {
        out.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"").append(num(r))
                .append("\" fill=\"").append(escape(fill)).append("\"><title>").append(escape(tooltip))
                .append("</title></circle>");
        return this;
    }

    /** Text; {@code anchor} is start, middle or end. */
    Svg text(double x, double y, String anchor, int size, String fill, String text) {
        out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"")
                .append(escape(anchor)).append("\" font-size=\"").append(size).append("\" fill=\"").append(escape(fill))
                .append("\">").append(escape(text)).append("</text>");
        return this;
    }

    /** The finished markup. */
    String end() {
        return out + "</svg>";
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> s.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return s.toString();
    }

    static String num(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        if (rounded == Math.rint(rounded)) {
            return Long.toString((long) rounded);
        }
        return String.format(Locale.ROOT, "%.1f", rounded);
    }
}
