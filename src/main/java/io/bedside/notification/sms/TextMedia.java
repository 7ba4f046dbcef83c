package io.bedside.notification.sms;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.bedside.notification.NotificationProperties;

/**
 * Fetches the files of an MMS from the gateway. The links come in the request, so they are not
 * trusted: only http(s) to the configured gateway's host (or the hosts named in
 * {@code bedside.notification.sms.media-hosts}), no redirects followed, at most
 * {@link #MAX_BYTES} read, ten seconds. Anything else is {@link Refused} (the text gets the fixed
 * refusal); a gateway that does not answer is an {@link IOException} (tried again later).
 */
@Component
class TextMedia {

    static final long MAX_BYTES = 10L * 1024 * 1024;

    static class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason);
        }
    }

    private final NotificationProperties properties;
    private final Set<String> hosts;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    TextMedia(NotificationProperties properties, @Value("${bedside.notification.sms.media-hosts:}") String mediaHosts) {
        this.properties = properties;
        String gateway = gatewayHost(properties.sms().url());
        this.hosts = Stream.concat(Stream.ofNullable(gateway), Arrays.stream(mediaHosts.split(",")))
                .map(String::strip).filter(h -> !h.isEmpty()).map(h -> h.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The configured gateway's host; none when there is no gateway, or its address is not one (nothing is fetched). */
    private static String gatewayHost(String url) {
        try {
            return url == null || url.isBlank() ? null : URI.create(url.strip()).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    byte[] fetch(String url) throws IOException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new Refused("not a link");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null || uri.getUserInfo() != null
                || !hosts.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
            throw new Refused("media link not on the gateway's host");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
        NotificationProperties.Sms sms = properties.sms();
        if (sms.account() != null && !sms.account().isBlank()) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (sms.account() + ":" + sms.token()).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    throw new IOException("The gateway answered " + response.statusCode() + " for a file");
                }
                byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw new Refused("file too large");
                }
                return bytes;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
