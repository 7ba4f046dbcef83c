package io.bedside.messaging.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.bedside.messaging.internal.MessageSearch.Highlight;

/** The excerpt a search result shows: matched words marked, a window around the first match of a long body. */
class SearchExcerptsTests {

    /** The segments as text, marked ones in [brackets]. */
    private static String shown(List<SearchExcerpts.Segment> segments) {
        return segments.stream().map(s -> s.marked() ? "[" + s.text() + "]" : s.text()).collect(Collectors.joining());
    }

    @Test
    void aShortBodyIsShownWholeWithEveryMatchMarked() {
        String body = "Rash on my arm, the rash cream helps";
        var segments = SearchExcerpts.excerpt(body, List.of(new Highlight("body", 0, 4), new Highlight("body", 20, 24),
                new Highlight("subject", 0, 4), new Highlight("details", null, null)));
        assertThat(shown(segments)).isEqualTo("[Rash] on my arm, the [rash] cream helps");
    }

    @Test
    void aLongBodyIsCutAroundTheFirstMatchBetweenWords() {
        String before = "word ".repeat(100);
        String after = " more".repeat(100);
        String body = before + "rashes" + after;
        int at = before.length();
        var segments = SearchExcerpts.excerpt(body, List.of(new Highlight("body", at, at + 6)));
        String text = shown(segments);
        assertThat(text).startsWith("…word ").endsWith("more…").contains("[rashes]");
        assertThat(text.length()).isLessThanOrEqualTo(SearchExcerpts.WINDOW + 4);
        assertThat(text.indexOf("[rashes]")).isBetween(30, 80);
    }

    @Test
    void aMatchNearTheEndShowsTheEnd() {
        String body = "x".repeat(500) + " the rash";
        var segments = SearchExcerpts.excerpt(body, List.of(new Highlight("body", body.length() - 4, body.length())));
        assertThat(shown(segments)).startsWith("…").endsWith("the [rash]");
    }

    @Test
    void offsetsOutOfTheTextAndOverlapsAreTamed() {
        var segments = SearchExcerpts.excerpt("rash cream", List.of(new Highlight("body", 0, 4),
                new Highlight("body", 2, 10), new Highlight("body", 40, 50), new Highlight("body", -3, 2)));
        assertThat(shown(segments)).isEqualTo("[rash cream]");
        assertThat(SearchExcerpts.excerpt("", List.of())).isEmpty();
        assertThat(SearchExcerpts.marked("Rash on my arm", "subject", List.of(new Highlight("subject", 0, 4),
                new Highlight("body", 8, 11)))).extracting(SearchExcerpts.Segment::marked).containsExactly(true, false);
        assertThat(SearchExcerpts.foundIn("attachments", List.of(new Highlight("attachments", null, null)))).isTrue();
        assertThat(SearchExcerpts.foundIn("details", List.of(new Highlight("body", 0, 1)))).isFalse();
    }
}
