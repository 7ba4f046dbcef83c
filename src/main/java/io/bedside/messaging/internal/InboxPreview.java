package io.bedside.messaging.internal;

/**
 * The inbox's preview line of a conversation: the start of the latest message a person wrote.
 * Holds PHI (message text): never log it.
 *
 * @param text      the message on one line, cut at {@link #LENGTH} characters
 * @param internal  the message is an internal note
 * @param byPatient the patient (or their proxy) wrote it
 */
public record InboxPreview(String text, boolean internal, boolean byPatient) {

    static final int LENGTH = 140;

    static String oneLine(String body) {
        String line = body.replaceAll("\\s+", " ").strip();
        return line.length() <= LENGTH ? line : line.substring(0, LENGTH - 1).stripTrailing() + "…";
    }

    @Override
    public String toString() {
        return "InboxPreview[internal=" + internal + "]";
    }
}
