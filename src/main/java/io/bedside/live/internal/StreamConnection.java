package io.bedside.live.internal;

import java.io.IOException;

/**
 * The connection one event stream is written to: whole Server-Sent Events frames in order, then
 * closed. {@link LocalStreams} writes to it under the stream's lock, so one writer at a time.
 */
public interface StreamConnection {

    /** Writes one frame (see {@link SseFrames}); throws when the client is gone or stopped reading. */
    void send(String frame) throws IOException;

    /** Ends the stream after what was sent; idempotent. */
    void close();

    /**
     * Runs once when the connection ends by itself (the client left, it timed out, the server is
     * stopping) or is closed; at once if it has ended already.
     */
    void onEnd(Runnable whenEnded);
}
