package io.bedside.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;

/** A Server-Sent Events client for tests: a real HTTP connection read line by line on its own thread. */
public final class SseClient implements AutoCloseable {

    /** One event as received. */
    public record Event(String id, String name, String data) {
        public JsonNode json() {
            return Api.JSON.readTree(data);
        }
    }

    private final Socket socket;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<Event> received = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Thread reader;
    private final int status;
    private volatile boolean closed;

    private final BufferedReader in;

    // HTTP/1.0 on a plain socket: the stream arrives unchunked, and closing the socket ends it at once.
    private SseClient(String base, String credential, Long lastEventId) throws IOException {
        URI uri = URI.create(base);
        socket = new Socket(uri.getHost(), uri.getPort());
        String request = "GET /api/v1/events HTTP/1.0\r\nHost: " + uri.getHost() + "\r\n" + credential
                + "\r\nAccept: text/event-stream\r\n"
                + (lastEventId == null ? "" : "Last-Event-ID: " + lastEventId + "\r\n") + "\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        String statusLine = in.readLine();
        status = statusLine == null ? -1 : Integer.parseInt(statusLine.split(" ")[1]);
        String header;
        while ((header = in.readLine()) != null && !header.isEmpty()) {
            // Headers are not needed.
        }
        reader = new Thread(this::read, "sse-client");
        reader.setDaemon(true);
        if (status == 200) {
            reader.start();
        }
    }

    /** Opens a stream and waits for its {@code ready} event, so that it is registered before the test goes on. */
    public static SseClient open(Api api, String token, Long lastEventId) {
        return openWith(api, "Authorization: Bearer " + token, lastEventId);
    }

    /** Opens the stream of a browser session (its cookies, as {@code PageSession#cookieHeader()} gives them). */
    public static SseClient openWithCookies(Api api, String cookieHeader) {
        return openWith(api, "Cookie: " + cookieHeader, null);
    }

    private static SseClient openWith(Api api, String credential, Long lastEventId) {
        try {
            SseClient client = new SseClient(api.base(), credential, lastEventId);
            if (client.status != 200) {
                throw new AssertionError("event stream answered " + client.status);
            }
            client.await(e -> e.name().equals("ready"), Duration.ofSeconds(10));
            return client;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static SseClient open(Api api, String token) {
        return open(api, token, null);
    }

    private void read() {
        try {
            String id = null;
            String name = "message";
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data.length() > 0 || !"message".equals(name)) {
                        Event event = new Event(id, name, data.toString());
                        received.add(event);
                        events.add(event);
                    }
                    id = null;
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).trim());
                }
            }
        } catch (IOException e) {
            // Closed by the test or by the server.
        }
    }

    /** The next event that matches, waiting at most {@code timeout}; fails the test if none comes. */
    public Event await(Predicate<Event> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                Event e = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (e != null && match.test(e)) {
                    return e;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no matching event within " + timeout + "; received " + received);
    }

    /** Events of the given type about the conversation, received within the time. */
    public List<Event> about(String conversationId, Duration wait) {
        sleep(wait);
        synchronized (received) {
            return received.stream().filter(e -> e.data().contains(conversationId)).toList();
        }
    }

    public List<Event> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    public boolean isOpen() {
        return reader.isAlive();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }
}
