package io.bedside.analytics.web;

import java.util.List;

/**
 * Comma-separated values as RFC 4180 has them: every field quoted (quotes doubled), lines ended by
 * CRLF. A field that a spreadsheet would take for a formula (starting with = + - @, a tab or a
 * carriage return; a team or campaign is named by people) is written with a leading apostrophe,
 * so opening the file never runs anything.
 */
final class Csv {

    private final StringBuilder out = new StringBuilder();

    Csv row(List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    Csv row(Object... fields) {
        return row(java.util.Arrays.asList(fields));
    }

    @Override
    public String toString() {
        return out.toString();
    }

    static String field(Object value) {
        String text = value == null ? "" : value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
