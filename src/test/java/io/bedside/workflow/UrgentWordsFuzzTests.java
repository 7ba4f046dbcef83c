package io.bedside.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.bedside.support.Fuzzing;

/**
 * Urgent-phrase normalisation on anything a patient writes: the folded words are lower-case,
 * non-empty and fold to themselves; the places shown to staff lie inside the text, in order,
 * without overlap; and a flag is raised exactly when a place is shown.
 */
class UrgentWordsFuzzTests {

    private static final UrgentWords DEFAULTS = new UrgentWords(UrgentWords.DEFAULTS);

    @FuzzTest(maxDuration = Fuzzing.PER_TARGET)
    void normalisationAndSpans(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);

        String[] words = UrgentWords.words(text);
        for (String word : words) {
            assertThat(word).isNotEmpty().doesNotContain(" ");
        }
        assertThat(UrgentWords.words(String.join(" ", words))).containsExactly(words);

        List<UrgentWords.Span> spans = DEFAULTS.spans(text);
        int end = -1;
        for (UrgentWords.Span span : spans) {
            assertThat(span.start()).isGreaterThan(end).isLessThan(span.end());
            assertThat(span.end()).isLessThanOrEqualTo(text.length());
            end = span.end();
        }
        assertThat(DEFAULTS.find(text).isPresent()).as("flag raised iff a place is shown").isEqualTo(!spans.isEmpty());
    }
}
