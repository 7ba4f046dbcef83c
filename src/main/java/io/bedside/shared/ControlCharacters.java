package io.bedside.shared;

/**
 * The C0 control characters that free text may not hold: U+0000 to U+001F except tab, line feed
 * and carriage return. They have no meaning in a message a person reads, and one of them breaks
 * every XML-based renderer (the conversation's PDF) for everyone who exports it. Input is refused
 * with the field named; text stored before the rule existed is stripped where it is rendered.
 */
public final class ControlCharacters {

    /** A field refused for a control character; its message names the field and the character, not the text. */
    public static final class Refused extends InvalidRequestException {
        Refused(String field, String detail) {
            super(field, detail);
        }
    }

    private ControlCharacters() {
    }

    public static boolean forbidden(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
    }

    /** The index of the first forbidden character, or -1 when the text is clean. */
    public static int firstForbidden(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (forbidden(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Refuses the value of a field holding a forbidden character, naming the field and the character. */
    public static void check(String field, String value) {
        int at = value == null ? -1 : firstForbidden(value);
        if (at >= 0) {
            throw new Refused(field, "The field '" + field + "' contains a control character (U+"
                    + String.format("%04X", (int) value.charAt(at)) + ") that cannot be stored. Remove it and try again.");
        }
    }

    /** The text without forbidden characters, for rendering what was stored before they were refused. */
    public static String strip(String text) {
        if (text == null || firstForbidden(text) < 0) {
            return text;
        }
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!forbidden(c)) {
                clean.append(c);
            }
        }
        return clean.toString();
    }
}
