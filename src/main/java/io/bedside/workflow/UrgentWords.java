package io.bedside.workflow;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds words that may mean an emergency in what a patient wrote. A phrase is a few word stems
 * in order ("chest pain", "can't breathe", "dolor de pecho"); a message matches when its words,
 * folded to lower case without accents or punctuation, hold those stems in that order with at
 * most two other words between them, and each stem starts its word ("breath" finds "breathing").
 * So "my chest really hurts" is caught by "chest hurt", and "no puedo respirar bien" by
 * "no puedo respirar".
 */
public final class UrgentWords {

    /** The defaults every practice starts with, in English and Spanish, paraphrases included. */
    public static final List<String> DEFAULTS = List.of(
            // chest
            "chest pain", "pain in my chest", "chest hurt", "chest tight", "chest pressure", "heart attack",
            "crushing pain",
            // breathing
            "cant breathe", "can not breathe", "cannot breathe", "unable to breathe", "hard to breathe",
            "trouble breathing", "short of breath", "shortness of breath", "struggling to breathe",
            "catch my breath", "choking",
            // self-harm
            "suicide", "suicidal", "kill myself", "end my life", "take my life", "want to die", "better off dead",
            "hurt myself",
            // overdose and poisoning
            "overdose", "took too many", "too many pills", "poisoned",
            // stroke
            "stroke", "face drooping", "face is drooping", "slurred speech", "cant move my arm",
            "cant feel my arm", "numb on one side", "sudden weakness",
            // bleeding, collapse
            "severe bleeding", "bleeding heavily", "heavy bleeding", "wont stop bleeding", "bleeding wont stop",
            "lot of blood", "coughing up blood", "vomiting blood", "unconscious", "passed out", "not breathing",
            "seizure", "anaphylaxis", "throat swelling", "throat is closing",
            // Spanish
            "dolor de pecho", "dolor en el pecho", "me duele el pecho", "presion en el pecho", "infarto",
            "ataque al corazon", "no puedo respirar", "me falta el aire", "falta de aire", "me ahogo",
            "dificultad para respirar", "suicidio", "suicidarme", "matarme", "quitarme la vida", "quiero morir",
            "hacerme dano", "sobredosis", "demasiadas pastillas", "envenenado", "derrame cerebral",
            "cara caida", "no puedo mover el brazo", "hablar arrastrando", "sangrado abundante",
            "sangrado fuerte", "mucha sangre", "no para de sangrar", "perdio el conocimiento", "desmayo",
            "inconsciente", "convulsion");

    /** At most this many other words between two stems of a phrase (the browser check uses the same). */
    public static final int MAX_GAP = 2;

    private final List<String[]> phrases;

    public UrgentWords(List<String> phrases) {
        List<String[]> folded = new ArrayList<>();
        for (String phrase : phrases) {
            String[] stems = words(phrase);
            if (stems.length > 0) {
                folded.add(stems);
            }
        }
        this.phrases = List.copyOf(folded);
    }

    /** The first phrase found in the text, if any. */
    public Optional<String> find(String text) {
        String[] words = words(text);
        for (String[] phrase : phrases) {
            if (matchAt(words, phrase, 0) != null) {
                return Optional.of(String.join(" ", phrase));
            }
        }
        return Optional.empty();
    }

    /** Where a phrase was found in the original text: {@code [start, end)} in characters. */
    public record Span(int start, int end) {
    }

    /**
     * Every place in the text where {@link #find} sees a phrase, from its first word to its last
     * (the words between included), in order, overlapping places merged. The same matching as
     * {@link #find}, so the staff see exactly what raised the flag. The spans point into PHI: never log them.
     */
    public List<Span> spans(String text) {
        List<int[]> tokens = new ArrayList<>();
        List<String> folded = new ArrayList<>();
        String source = text == null ? "" : text;
        int i = 0;
        while (i < source.length()) {
            int start = i;
            while (i < source.length() && wordChar(source.codePointAt(i))) {
                i += Character.charCount(source.codePointAt(i));
            }
            if (i > start) {
                for (String word : words(source.substring(start, i))) {
                    tokens.add(new int[] {start, i});
                    folded.add(word);
                }
            } else {
                i += Character.charCount(source.codePointAt(i));
            }
        }
        String[] words = folded.toArray(new String[0]);
        List<Span> found = new ArrayList<>();
        for (String[] phrase : phrases) {
            int from = 0;
            int[] match;
            while ((match = matchAt(words, phrase, from)) != null) {
                found.add(new Span(tokens.get(match[0])[0], tokens.get(match[1])[1]));
                from = match[0] + 1;
            }
        }
        found.sort(Comparator.comparingInt(Span::start).thenComparingInt(Span::end));
        List<Span> merged = new ArrayList<>();
        for (Span span : found) {
            Span last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && span.start() <= last.end()) {
                merged.set(merged.size() - 1, new Span(last.start(), Math.max(last.end(), span.end())));
            } else {
                merged.add(span);
            }
        }
        return merged;
    }

    /** A character that {@link #words} keeps inside a word: letters, digits, accents, apostrophes. */
    private static boolean wordChar(int c) {
        int type = Character.getType(c);
        return Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK || c == '\'' || c == '\u2019' || c == '`';
    }

    /** The first match starting at word {@code from} or later: {first word, last word}, or null. */
    private static int[] matchAt(String[] words, String[] phrase, int from) {
        for (int start = from; start < words.length; start++) {
            if (!words[start].startsWith(phrase[0])) {
                continue;
            }
            int at = start;
            int matched = 1;
            while (matched < phrase.length) {
                int found = -1;
                for (int next = at + 1; next < words.length && next <= at + 1 + MAX_GAP; next++) {
                    if (words[next].startsWith(phrase[matched])) {
                        found = next;
                        break;
                    }
                }
                if (found < 0) {
                    break;
                }
                at = found;
                matched++;
            }
            if (matched == phrase.length) {
                return new int[] {start, at};
            }
        }
        return null;
    }

    /** Lower case, no accents, apostrophes dropped ("can't" is "cant"), anything else a space. */
    static String[] words(String text) {
        String folded = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("['\u2019`]", "")
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .trim();
        return folded.isEmpty() ? new String[0] : folded.split(" ");
    }
}
