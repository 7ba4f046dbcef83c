package io.bedside.patient;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How typed search text becomes name words and a date of birth. */
final class PatientSearch {

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("M/d/uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT));

    record Terms(List<String> words, LocalDate birthDate) {
        boolean isEmpty() {
            return words.isEmpty() && birthDate == null;
        }
    }

    private PatientSearch() {
    }

    static Terms parse(String text) {
        List<String> words = new ArrayList<>();
        LocalDate birth = null;
        if (text != null) {
            for (String token : text.trim().split("[\\s,]+")) {
                if (token.isEmpty()) {
                    continue;
                }
                LocalDate date = date(token);
                if (date != null) {
                    birth = date;
                } else {
                    String folded = fold(token);
                    if (!folded.isBlank() && words.size() < 5) {
                        words.add(folded);
                    }
                }
            }
        }
        return new Terms(List.copyOf(words), birth);
    }

    static String searchName(String given, String family) {
        return " " + fold(given) + " " + fold(family);
    }

    /** Lower case, accents and punctuation dropped, words separated by one space. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    private static LocalDate date(String token) {
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(token, format);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return null;
    }
}
