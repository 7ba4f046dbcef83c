package io.bedside.messaging;

import java.util.List;

import io.bedside.shared.PracticeId;

/**
 * Where a patient's message holds the words that made Bedside flag it urgent: asked by the staff
 * conversation page to highlight them, provided by the module that detects urgent words (with the
 * same matching), so messaging never depends on it; the compose and conversation pages also hand
 * the phrases to the patient's browser. The spans point into PHI: never log them.
 */
public interface TriggerPhrases {

    /** {@code [start, end)} in characters of the text. */
    record Span(int start, int end) {
    }

    List<Span> in(PracticeId practice, String text);

    /**
     * The practice's phrases themselves (no PHI), for the check the patient's browser makes while
     * they type (static/js/urgent-typing.js, which mirrors the matching).
     */
    List<String> of(PracticeId practice);
}
