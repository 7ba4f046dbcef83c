package io.bedside.live.internal;

/**
 * Server-Sent Events frames, byte for byte as Spring's {@code SseEmitter} wrote them before streams
 * took over their connections (fields in the order given, each line ending in LF, a blank line
 * ending the event): clients and proxies see the same wire format.
 */
final class SseFrames {

    private SseFrames() {
    }

    /** {@code id:}, {@code event:} and {@code data:}, as every delivered event is written. */
    static String event(long id, String name, String data) {
        StringBuilder sb = new StringBuilder(32 + name.length() + data.length());
        sb.append("id:").append(id).append('\n');
        field(sb, "event:", name);
        data(sb, data);
        return sb.append('\n').toString();
    }

    /** {@code resync}: the events after the client's Last-Event-ID are gone; reload, then go on from {@code latest}. */
    static String resync(long latest) {
        StringBuilder sb = new StringBuilder(64);
        field(sb, "event:", "resync");
        sb.append("id:").append(latest).append('\n');
        data(sb, "{\"latestEventId\":" + latest + "}");
        return sb.append('\n').toString();
    }

    /** {@code ready}, the first frame of every stream, with the client's reconnection delay. */
    static String ready(long latest, long retryMillis) {
        StringBuilder sb = new StringBuilder(64);
        field(sb, "event:", "ready");
        data(sb, "{\"latestEventId\":" + latest + "}");
        sb.append("retry:").append(retryMillis).append('\n');
        return sb.append('\n').toString();
    }

    /** An event with a name and data only (e.g. {@code signed-out}). */
    static String named(String name, String data) {
        StringBuilder sb = new StringBuilder(16 + name.length() + data.length());
        field(sb, "event:", name);
        data(sb, data);
        return sb.append('\n').toString();
    }

    /** A comment line, ignored by clients: keeps proxies from closing an idle stream. */
    static String comment(String text) {
        return ":" + text.replace("\n", "\n:") + "\n\n";
    }

    private static void field(StringBuilder sb, String field, String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("illegal character '\\n' or '\\r' in event content");
        }
        sb.append(field).append(value).append('\n');
    }

    /** Each line of the data on its own {@code data:} line, as the SSE format requires. */
    private static void data(StringBuilder sb, String data) {
        sb.append("data:");
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c == '\r') {
                if (i + 1 < data.length() && data.charAt(i + 1) == '\n') {
                    i++;
                }
                sb.append("\ndata:");
            } else if (c == '\n') {
                sb.append("\ndata:");
            } else {
                sb.append(c);
            }
        }
        sb.append('\n');
    }
}
