package io.bedside.notification.sms;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The carriers' keywords, honoured whatever else a text says only when it is the whole text
 * (trimmed, any case, a final full stop allowed): STOP and its like, START, HELP, in English and
 * Spanish. The Spanish word makes the confirmation Spanish. Not YES nor INFO, which some gateways
 * take as keywords: a patient answering a question with "Yes" must reach the team.
 */
public final class TextKeywords {

    public enum Keyword { STOP, START, HELP }

    /** A keyword and whether it was the Spanish one. */
    public record Found(Keyword keyword, boolean spanish) {
    }

    private static final Map<String, Found> WORDS = Map.ofEntries(
            Map.entry("STOP", new Found(Keyword.STOP, false)),
            Map.entry("STOPALL", new Found(Keyword.STOP, false)),
            Map.entry("UNSUBSCRIBE", new Found(Keyword.STOP, false)),
            Map.entry("CANCEL", new Found(Keyword.STOP, false)),
            Map.entry("END", new Found(Keyword.STOP, false)),
            Map.entry("QUIT", new Found(Keyword.STOP, false)),
            Map.entry("ALTO", new Found(Keyword.STOP, true)),
            Map.entry("PARAR", new Found(Keyword.STOP, true)),
            Map.entry("CANCELAR", new Found(Keyword.STOP, true)),
            Map.entry("START", new Found(Keyword.START, false)),
            Map.entry("UNSTOP", new Found(Keyword.START, false)),
            Map.entry("COMENZAR", new Found(Keyword.START, true)),
            Map.entry("INICIAR", new Found(Keyword.START, true)),
            Map.entry("HELP", new Found(Keyword.HELP, false)),
            Map.entry("AYUDA", new Found(Keyword.HELP, true)));

    private TextKeywords() {
    }

    public static Optional<Found> of(String body) {
        if (body == null) {
            return Optional.empty();
        }
        String word = body.strip().toUpperCase(Locale.ROOT);
        if (word.endsWith(".") || word.endsWith("!")) {
            word = word.substring(0, word.length() - 1).strip();
        }
        return Optional.ofNullable(WORDS.get(word));
    }
}
