package io.bedside.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser: a session cookie and the CSRF token of the last page, for tests of
 * pages through HTTP (status codes, redirects, what a page says) where a real browser adds nothing.
 */
public class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client;
    private final CookieManager cookies = new CookieManager();
    private String csrf;
    private String clientAddress;

    /** A page's answer. */
    public record Page(int status, String location, String body) {
        public boolean contains(String text) {
            return body.contains(text);
        }
    }

    public PageSession(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Signs in through the sign-in form; the session then belongs to that account. */
    public static PageSession signedIn(String base, String email) {
        PageSession session = new PageSession(base);
        session.get("/login");
        Page answer = session.post("/login", Map.of("email", email, "password", "demo-password"));
        if (answer.status() != 302 || answer.location() == null || answer.location().contains("error")) {
            throw new AssertionError("sign-in failed for " + email + ": " + answer.status() + " " + answer.location());
        }
        return session;
    }

    /**
     * Sends as if from this client address (through a trusted proxy's X-Forwarded-For), so a test
     * that fails sign-ins on purpose does not use up the throttle of the tests' shared address.
     */
    public PageSession from(String address) {
        this.clientAddress = address;
        return this;
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), Map.of());
    }

    /** A file the page offers for download (a PDF, a photo), as the bytes sent. */
    public byte[] download(String path) {
        try {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(base + path)).GET()
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET the page makes by itself (a live refresh), which must not count as the reader's activity. */
    public Page background(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), Map.of("X-Bedside-Background", "1"));
    }

    /** A form POST with the CSRF token of the last page fetched. */
    public Page post(String path, Map<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (csrf != null) {
            fields.putIfAbsent("_csrf", csrf);
        }
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), Map.of());
    }

    /** A JSON POST as a page's script sends it: the CSRF token of the last page fetched as a header. */
    public Page postJson(String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        return send(request, csrf == null ? Map.of() : Map.of("X-CSRF-TOKEN", csrf));
    }

    /** A DELETE with the CSRF token of the last page fetched as a header. */
    public Page delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE(),
                csrf == null ? Map.of() : Map.of("X-CSRF-TOKEN", csrf));
    }

    /** A form POST whose fields may repeat (checkboxes), as name-value pairs, with the CSRF token. */
    public Page postPairs(String path, java.util.List<Map.Entry<String, String>> pairs) {
        java.util.List<Map.Entry<String, String>> fields = new java.util.ArrayList<>(pairs);
        if (csrf != null) {
            fields.add(Map.entry("_csrf", csrf));
        }
        String body = fields.stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), Map.of());
    }

    /** A file a multipart form carries. */
    public record Upload(String field, String fileName, String contentType, byte[] bytes) {
    }

    /** A multipart form POST (a form with a file), with the CSRF token of the last page fetched. */
    public Page postMultipart(String path, Map<String, String> form, Upload file) {
        String boundary = "bedside-test-" + java.util.UUID.randomUUID();
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (csrf != null) {
            fields.putIfAbsent("_csrf", csrf);
        }
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field()
                + "\"; filename=\"" + file.fileName() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file.bytes());
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), Map.of());
    }

    /** The session's cookies as a {@code Cookie} header, for a request sent some other way (a raw socket). */
    public String cookieHeader() {
        return cookies.getCookieStore().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    /** The CSRF token of the last page fetched, for a request a page's script would send. */
    public String csrfToken() {
        return csrf;
    }

    private Page send(HttpRequest.Builder request, Map<String, String> headers) {
        request.header("Accept", "text/html,application/xhtml+xml");
        if (clientAddress != null) {
            request.header("X-Forwarded-For", clientAddress);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher token = CSRF.matcher(response.body());
            if (token.find()) {
                csrf = token.group(1);
            }
            return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
