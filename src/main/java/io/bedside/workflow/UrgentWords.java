package io.bedside.workflow;

import java.text.Normalizer;
import java.util.ArrayList;
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

    private static final int MAX_GAP = 2;

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
            if (contains(words, phrase)) {
                return Optional.of(String.join(" ", phrase));
            }
        }
        return Optional.empty();
    }

    private static boolean contains(String[] words, String[] phrase) {
        for (int start = 0; start < words.length; start++) {
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
                return true;
            }
        }
        return false;
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
