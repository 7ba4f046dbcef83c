package io.bedside.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for API tests: real requests to the running application. */
public class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Api(String base) {
        this.base = base;
    }

    public String base() {
        return base;
    }

    /** One request being built. */
    public final class Call {
        private final String method;
        private final String path;
        private final List<String> headers = new ArrayList<>();
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

        Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Call token(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Call header(String name, String value) {
            headers.add(name);
            headers.add(value);
            return this;
        }

        public Call json(Object value) {
            return raw("application/json", value instanceof String s ? s : JSON.writeValueAsString(value));
        }

        public Call raw(String contentType, String text) {
            header("Content-Type", contentType);
            body = HttpRequest.BodyPublishers.ofString(text);
            return this;
        }

        /**
         * A multipart form body: the text fields, then the files, each as its own part. A file's
         * declared type is what a client claims; the server checks the bytes.
         */
        public Call multipart(Map<String, String> fields, List<FilePart> files) {
            String boundary = "bedside-api-test-" + java.util.UUID.randomUUID();
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            fields.forEach((name, value) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                    + name + "\"\r\n\r\n" + value + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            for (FilePart file : files) {
                out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field()
                        + "\"; filename=\"" + file.fileName() + "\"\r\nContent-Type: " + file.contentType()
                        + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.writeBytes(file.bytes());
                out.writeBytes("\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            out.writeBytes(("--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            header("Content-Type", "multipart/form-data; boundary=" + boundary);
            body = HttpRequest.BodyPublishers.ofByteArray(out.toByteArray());
            return this;
        }

        /** Sends the request and keeps the answer's bytes as they came (a downloaded file). */
        public BytesResponse sendForBytes() {
            try {
                HttpResponse<byte[]> response = client.send(build(), HttpResponse.BodyHandlers.ofByteArray());
                return new BytesResponse(response.statusCode(), response.headers().map(), response.body());
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private HttpRequest build() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body);
            for (int i = 0; i < headers.size(); i += 2) {
                request.header(headers.get(i), headers.get(i + 1));
            }
            return request.build();
        }

        public Response send() {
            try {
                HttpResponse<String> response = client.send(build(), HttpResponse.BodyHandlers.ofString());
                return new Response(response.statusCode(), response.headers().map(), response.body());
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** One file of a multipart form: its part's name, the file's name and the type the client declares. */
    public record FilePart(String field, String fileName, String contentType, byte[] bytes) {
    }

    /** What came back, as bytes. */
    public record BytesResponse(int status, Map<String, List<String>> headers, byte[] body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return status + " (" + body.length + " bytes)";
        }
    }

    /** What came back. */
    public record Response(int status, Map<String, List<String>> headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Call get(String path) {
        return new Call("GET", path);
    }

    public Call post(String path) {
        return new Call("POST", path);
    }

    public Call put(String path) {
        return new Call("PUT", path);
    }

    public Call delete(String path) {
        return new Call("DELETE", path);
    }

    public Call patch(String path) {
        return new Call("PATCH", path);
    }

    /** Signs in and returns the bearer token; fails the test if sign-in fails. */
    public String signIn(String username, String password) {
        Response response = post("/api/v1/auth/token").json(Map.of("username", username, "password", password)).send();
        if (response.status() != 200) {
            throw new AssertionError("sign-in of " + username + " failed: " + response);
        }
        return response.json().get("token").asString();
    }
}
