package io.bedside.messaging.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.bedside.messaging.internal.MessageSearch;

/**
 * What a search result shows of a message: its text cut into pieces, the words that matched marked
 * (the page writes each piece escaped, a marked one in {@code <mark>}), and for a long message only a
 * window of it around the first match, with "…" where it was cut. Built from the search's highlights
 * (offsets into the text); never logged.
 */
final class SearchExcerpts {

    /** About how many characters of a long message a result shows. */
    static final int WINDOW = 240;
    /** How far before the first match the window starts, so the match is read in its sentence. */
    private static final int LEAD = 60;
    /** How far the window's ends move to fall between words rather than inside one. */
    private static final int SNAP = 20;
    private static final String CUT = "…";

    /** A piece of the text; marked when it holds matched words. */
    record Segment(String text, boolean marked) {
        @Override
        public String toString() {
            return "Segment";
        }
    }

    private SearchExcerpts() {
    }

    /** The whole of {@code text} with the highlights of {@code field} marked (a subject). */
    static List<Segment> marked(String text, String field, List<MessageSearch.Highlight> highlights) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return cut(text, 0, text.length(), spans(text, field, highlights));
    }

    /** A message body: whole when short, else a window around its first match. */
    static List<Segment> excerpt(String body, List<MessageSearch.Highlight> highlights) {
        if (body == null || body.isEmpty()) {
            return List.of();
        }
        List<int[]> spans = spans(body, "body", highlights);
        int length = body.length();
        if (length <= WINDOW) {
            return cut(body, 0, length, spans);
        }
        int anchor = spans.isEmpty() ? 0 : spans.get(0)[0];
        int start = Math.max(0, anchor - LEAD);
        int end = Math.min(length, start + WINDOW);
        if (end == length) {
            start = Math.max(0, end - WINDOW);
        }
        if (start > 0) {
            // Start after a space, if there is one near, and never past the match.
            for (int i = start; i < Math.min(anchor, start + SNAP); i++) {
                if (Character.isWhitespace(body.charAt(i))) {
                    start = i + 1;
                    break;
                }
            }
            if (Character.isLowSurrogate(body.charAt(start))) {
                start++;
            }
        }
        if (end < length) {
            int firstEnd = spans.isEmpty() ? 0 : spans.get(0)[1];
            for (int i = end - 1; i > Math.max(firstEnd, end - SNAP); i--) {
                if (Character.isWhitespace(body.charAt(i))) {
                    end = i;
                    break;
                }
            }
            if (end > start && Character.isHighSurrogate(body.charAt(end - 1))) {
                end--;
            }
        }
        List<Segment> segments = new ArrayList<>();
        if (start > 0) {
            segments.add(new Segment(CUT, false));
        }
        segments.addAll(cut(body, start, end, spans));
        if (end < length) {
            segments.add(new Segment(CUT, false));
        }
        return segments;
    }

    /** Whether any highlight of the field says a word matched there (request details, file names). */
    static boolean foundIn(String field, List<MessageSearch.Highlight> highlights) {
        return highlights != null && highlights.stream().anyMatch(h -> field.equals(h.field()));
    }

    /** The field's highlights as [start, end) within the text, in order, overlapping ones merged. */
    private static List<int[]> spans(String text, String field, List<MessageSearch.Highlight> highlights) {
        List<int[]> spans = new ArrayList<>();
        if (highlights == null) {
            return spans;
        }
        for (MessageSearch.Highlight h : highlights) {
            if (!field.equals(h.field()) || h.start() == null || h.end() == null) {
                continue;
            }
            int start = Math.max(0, Math.min(text.length(), h.start()));
            int end = Math.max(start, Math.min(text.length(), h.end()));
            if (end > start) {
                spans.add(new int[] { start, end });
            }
        }
        spans.sort(Comparator.comparingInt(s -> s[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] s : spans) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && s[0] <= last[1]) {
                last[1] = Math.max(last[1], s[1]);
            } else {
                merged.add(s);
            }
        }
        return merged;
    }

    /** text[from, to) in pieces, the spans (clipped to it) marked. */
    private static List<Segment> cut(String text, int from, int to, List<int[]> spans) {
        List<Segment> segments = new ArrayList<>();
        int at = from;
        for (int[] s : spans) {
            int start = Math.max(s[0], from);
            int end = Math.min(s[1], to);
            if (end <= start) {
                continue;
            }
            if (start > at) {
                segments.add(new Segment(text.substring(at, start), false));
            }
            segments.add(new Segment(text.substring(start, end), true));
            at = end;
        }
        if (at < to) {
            segments.add(new Segment(text.substring(at, to), false));
        }
        return segments;
    }
}
