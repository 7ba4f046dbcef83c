package io.bedside.messaging.internal;

import java.time.Instant;

/**
 * How far a conversation has got, as its patient (and a proxy) sees it: received, read by the care
 * team, being handled by someone, answered (or closed without an answer), with the promised answer
 * time while an answer is due. Names staff only (never patient data).
 *
 * @param stage        where the conversation stands
 * @param handlerName  the shown name of the member of staff handling it (Jenny Kim, RN), null when
 *                     nobody is, or when the practice shows the role only
 * @param handlerRole  that member of staff's role code (nurse), null when nobody handles it
 * @param dueAt        when an answer is promised, null when none is due (answered, closed, urgent)
 * @param overdue      the promised time has passed
 */
public record StatusLine(Stage stage, String handlerName, String handlerRole, Instant dueAt, boolean overdue) {

    /** The steps in order; {@code CLOSED} is a conversation closed before anyone answered it. */
    public enum Stage {
        RECEIVED(1), READ(2), HANDLING(3), ANSWERED(4), CLOSED(0);

        private final int step;

        Stage(int step) {
            this.step = step;
        }

        /** Its place among the four steps shown (1 to 4), 0 for closed. */
        public int step() {
            return step;
        }

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The four steps shown, in order (received, read, being handled, answered). */
    public java.util.List<Stage> steps() {
        return java.util.List.of(Stage.RECEIVED, Stage.READ, Stage.HANDLING, Stage.ANSWERED);
    }

    /** The practice names the handler by role only (a nurse). */
    public boolean roleOnly() {
        return handlerRole != null && handlerName == null;
    }

    @Override
    public String toString() {
        return "StatusLine[" + stage + "]";
    }
}
