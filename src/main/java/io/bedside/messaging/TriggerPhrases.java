package io.bedside.messaging;

import java.util.List;

import io.bedside.shared.PracticeId;

/**
 * Where a patient's message holds the words that made Bedside flag it urgent: asked by the staff
 * conversation page to highlight them, provided by the module that detects urgent words (with the
 * same matching), so messaging never depends on it. The spans point into PHI: never log them.
 */
public interface TriggerPhrases {

    /** {@code [start, end)} in characters of the text. */
    record Span(int start, int end) {
    }

    List<Span> in(PracticeId practice, String text);
}
