package io.bedside.messaging.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How text becomes search terms, the same for what is indexed and what is asked: words are runs of
 * letters and digits, lower-cased with accents removed ("Médico" is "medico"), and a cheap stem
 * drops English and Spanish plural endings ("rashes" is "rash", "médicos" is "medico").
 *
 * <p>A word of 3 letters or more is indexed as itself, its stem, and its prefixes of 3 to
 * {@value #MAX_PREFIX} letters, so "ras" finds "rash". A query word is matched through its stem, or
 * the stem's first {@value #MAX_PREFIX} letters when it is longer; the decrypted text then confirms
 * the whole stem ({@link #matches}). So a query word matches a text word that starts with the query's
 * stem, or whose own stem does.
 */
final class SearchTerms {

    static final int MIN_LENGTH = 3;
    /**
     * The longest prefix indexed. Six letters tell almost every word apart; a longer query word is
     * looked up by its first six and confirmed on the decrypted text. (It was eight: the rows of
     * that index still answer, since their prefixes include these.)
     */
    static final int MAX_PREFIX = 6;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** A word of a text: where it is in the original text, and its normalised form. */
    record Word(int start, int end, String normal) {
        @Override
        public String toString() {
            return "Word[" + start + ".." + end + "]";
        }
    }

    /** A query word: its stem (what must match) and the term looked up in the index. */
    record QueryTerm(String stem, String indexTerm) {
        @Override
        public String toString() {
            return "QueryTerm[" + stem.length() + "]";
        }
    }

    private SearchTerms() {
    }

    /** The words of {@code text}, with their place in it. */
    static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!Character.isLetterOrDigit(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n) {
                cp = text.codePointAt(i);
                if (!Character.isLetterOrDigit(cp) && !isMark(cp)) {
                    break;
                }
                i += Character.charCount(cp);
            }
            String normal = normalise(text.substring(start, i));
            if (!normal.isEmpty()) {
                words.add(new Word(start, i, normal));
            }
        }
        return words;
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** Lower case, accents removed. */
    static String normalise(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
    }

    /**
     * A cheap stem: English and Spanish plurals lose their ending ("allergies" → "allergy",
     * "rashes" → "rash", "dolores" → "dolor", "médicos" → "medico"); never shorter than 3 letters.
     */
    static String stem(String w) {
        int n = w.length();
        if (n >= 5 && w.endsWith("ies")) {
            return w.substring(0, n - 3) + "y";
        }
        if (n >= 5 && w.endsWith("es")) {
            char before = w.charAt(n - 3);
            // boxes, rashes, buses: the "es" of a hissing end; dolores, tables: any consonant, if 4 letters stay.
            if ("sxzh".indexOf(before) >= 0 || (n - 2 >= 4 && isConsonant(before))) {
                return w.substring(0, n - 2);
            }
        }
        if (n >= 4 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, n - 1);
        }
        return w;
    }

    private static boolean isConsonant(char c) {
        return c >= 'a' && c <= 'z' && "aeiouy".indexOf(c) < 0;
    }

    /**
     * Every term a text is indexed under: what a query term ({@link #query}) can be. A query looks up
     * at most {@value #MAX_PREFIX} letters of a stem, so a word is indexed under its prefixes of 3 to
     * {@value #MAX_PREFIX} letters (itself among them when it is short) and its stem when that is
     * short and not one of them ("allergy" for "allergies"); a longer word or stem adds nothing.
     */
    static Set<String> indexTerms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        for (Word word : words(text)) {
            String w = word.normal();
            if (w.length() < MIN_LENGTH) {
                continue;
            }
            for (int len = MIN_LENGTH; len <= Math.min(MAX_PREFIX, w.length()); len++) {
                terms.add(w.substring(0, len));
            }
            String stem = stem(w);
            terms.add(stem.length() > MAX_PREFIX ? stem.substring(0, MAX_PREFIX) : stem);
        }
        return terms;
    }

    /** The query's words as terms, each once; words shorter than 3 letters are left out. */
    static List<QueryTerm> query(String q) {
        Set<String> stems = new LinkedHashSet<>();
        for (Word word : words(q)) {
            if (word.normal().length() >= MIN_LENGTH) {
                stems.add(stem(word.normal()));
            }
        }
        return stems.stream().map(s -> new QueryTerm(s, s.length() > MAX_PREFIX ? s.substring(0, MAX_PREFIX) : s))
                .toList();
    }

    /** Whether a word of a text matches a query term (the check of a candidate against its decrypted text). */
    static boolean matches(QueryTerm term, Word word) {
        String w = word.normal();
        return w.length() >= MIN_LENGTH && (w.startsWith(term.stem()) || stem(w).startsWith(term.stem()));
    }
}
