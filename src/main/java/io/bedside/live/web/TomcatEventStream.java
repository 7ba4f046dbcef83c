package io.bedside.live.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.WebConnection;

import org.apache.coyote.http11.upgrade.InternalHttpUpgradeHandler;
import org.apache.tomcat.util.net.AbstractEndpoint.Handler.SocketState;
import org.apache.tomcat.util.net.SSLSupport;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;

import io.bedside.live.internal.StreamConnection;

/**
 * One event stream holding its TCP connection directly, after the HTTP response head has gone out.
 *
 * <p>Why not an async request ({@code SseEmitter}, or a plain {@code AsyncContext}): while a request
 * is in progress Tomcat keeps its whole HTTP processor for the connection, and with it about 90 KB
 * of buffers (the request's and response's byte and char buffers, the header buffers), for each
 * idle stream. Taking the connection over the way WebSockets do ({@link HttpServletRequest#upgrade},
 * with Tomcat's own I/O interface) hands the processor back at once; what stays is the socket with
 * its two buffers and this object. The response is an ordinary {@code 200 text/event-stream} with
 * {@code Connection: close}: the body runs until the connection closes, which is how SSE is framed
 * over HTTP/1.0 too, so no chunked framing is needed and nothing ends the body early.
 *
 * <p>Writes block their caller (a delivery thread, under the stream's lock) for at most
 * {@link #WRITE_TIMEOUT}, as writes to an async response did; a client that stops reading longer
 * loses its stream and reconnects with Last-Event-ID. What the client sends is read and dropped,
 * so that its closing the connection ends the stream at once rather than at the next heartbeat.
 */
public class TomcatEventStream implements InternalHttpUpgradeHandler, StreamConnection {

    static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final ReentrantLock writing = new ReentrantLock();
    private SocketWrapperBase<?> socket;
    private ByteArrayOutputStream pending = new ByteArrayOutputStream(256);
    private boolean connected;
    private boolean closeRequested;
    private boolean ended;
    private Runnable whenEnded;
    private volatile long deadline = Long.MAX_VALUE;

    /** For Tomcat, which creates the handler; use {@link #upgrade}. */
    public TomcatEventStream() {
    }

    /**
     * Takes over the request's connection once the response head (status, headers set so far and
     * those the filters add) has gone out. Until then what is sent is kept and written first.
     *
     * @throws UnsupportedOperationException when the connection cannot be taken over (HTTP/2, a
     *         server other than Tomcat)
     */
    static TomcatEventStream upgrade(HttpServletRequest request, HttpServletResponse response, Duration lasting)
            throws IOException, ServletException {
        TomcatEventStream stream = request.upgrade(TomcatEventStream.class);
        // upgrade() sets 101; this is an ordinary response whose body is the stream.
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/event-stream");
        response.setHeader("Connection", "close");
        // The head goes out now: a response that ended with nothing written would say Content-Length: 0.
        response.flushBuffer();
        stream.deadline = System.currentTimeMillis() + lasting.toMillis();
        return stream;
    }

    @Override
    public void send(String frame) throws IOException {
        byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        writing.lock();
        try {
            SocketWrapperBase<?> to;
            synchronized (this) {
                if (closeRequested) {
                    throw new IllegalStateException("The stream is closed.");
                }
                if (!connected) {
                    pending.write(bytes, 0, bytes.length);
                    return;
                }
                to = socket;
            }
            try {
                to.write(true, bytes, 0, bytes.length);
                to.flush(true);
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
        } finally {
            writing.unlock();
        }
    }

    @Override
    public void close() {
        SocketWrapperBase<?> to;
        synchronized (this) {
            if (closeRequested) {
                return;
            }
            closeRequested = true;
            if (!connected) {
                // init() writes what is pending, then closes.
                return;
            }
            to = socket;
        }
        // Not under the write lock: this also ends a write that waits on a client that stopped reading.
        to.close();
        end();
    }

    @Override
    public void onEnd(Runnable run) {
        boolean now;
        synchronized (this) {
            whenEnded = run;
            now = ended;
        }
        if (now) {
            run.run();
        }
    }

    private void end() {
        Runnable run;
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            closeRequested = true;
            run = whenEnded;
        }
        if (run != null) {
            run.run();
        }
    }

    // Tomcat's side: the connection is ours from here.

    @Override
    public void setSocketWrapper(SocketWrapperBase<?> wrapper) {
        synchronized (this) {
            this.socket = wrapper;
        }
    }

    @Override
    public void init(WebConnection connection) {
        boolean closeNow;
        writing.lock();
        try {
            byte[] first;
            synchronized (this) {
                socket.setWriteTimeout(WRITE_TIMEOUT.toMillis());
                first = pending.toByteArray();
                pending = null;
                connected = true;
                closeNow = closeRequested;
            }
            if (first.length > 0) {
                socket.write(true, first, 0, first.length);
                socket.flush(true);
            }
        } catch (IOException | RuntimeException e) {
            closeNow = true;
        } finally {
            writing.unlock();
        }
        if (closeNow) {
            socket.close();
            end();
        }
    }

    @Override
    public SocketState upgradeDispatch(SocketEvent status) {
        if (status == SocketEvent.OPEN_READ) {
            // Clients send nothing on a stream; reading finds out when they leave.
            byte[] discard = new byte[128];
            try {
                int n;
                do {
                    n = socket.read(false, discard, 0, discard.length);
                } while (n > 0);
                if (n == 0 && !isEnded()) {
                    return SocketState.UPGRADED;
                }
            } catch (IOException | RuntimeException gone) {
                // The client is gone.
            }
        } else if (status == SocketEvent.OPEN_WRITE) {
            return isEnded() ? SocketState.CLOSED : SocketState.UPGRADED;
        }
        // Closed by the client, failed, timed out, or the server is stopping: clients reconnect.
        end();
        return SocketState.CLOSED;
    }

    private synchronized boolean isEnded() {
        return ended;
    }

    /** Called about once a second by Tomcat: a stream lasts its given time, then the client reconnects. */
    @Override
    public void timeoutAsync(long now) {
        if (now > deadline) {
            close();
        }
    }

    @Override
    public void destroy() {
        // Tomcat released the connection.
        end();
    }

    @Override
    public void setSslSupport(SSLSupport sslSupport) {
        // Nothing to use it for.
    }

    @Override
    public void pause() {
        // Streams end when the node stops (LocalStreams closes them); nothing to pause.
    }
}
