package io.bedside.notification.sms;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.bedside.shared.AuthenticationFailedException;
import io.bedside.shared.ForbiddenException;

/**
 * The gateway's signature on an inbound text: HMAC-SHA-256, under the practice's webhook secret, of
 * the timestamp, the method, the URL (Bedside's configured base URL and the path, never the Host
 * header) and the raw body, each followed by a newline but the last; sent as lowercase hex in
 * {@code X-Bedside-Signature}, the timestamp (Unix seconds) in {@code X-Bedside-Timestamp}. A request
 * outside {@link #WINDOW} of now, either way, is refused, so a captured request is good for five
 * minutes at most; within them the stored signature refuses it a second time.
 */
public final class WebhookSignatures {

    public static final String SIGNATURE_HEADER = "X-Bedside-Signature";
    public static final String TIMESTAMP_HEADER = "X-Bedside-Timestamp";
    public static final Duration WINDOW = Duration.ofMinutes(5);

    private WebhookSignatures() {
    }

    /** The signature of a request, in lowercase hex. */
    public static String sign(byte[] secret, String timestamp, String method, String url, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + "\n" + method + "\n" + url + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A missing signature or timestamp: 401. */
    public static void requirePresent(String signature, String timestamp) {
        if (signature == null || signature.isBlank() || timestamp == null || timestamp.isBlank()) {
            throw new AuthenticationFailedException("The request is not signed (" + SIGNATURE_HEADER + ", "
                    + TIMESTAMP_HEADER + ").");
        }
    }

    /** Refuses (403) a signature that does not match, or a timestamp outside the window; compares in constant time. */
    public static void verify(byte[] secret, String signature, String timestamp, String method, String url, byte[] body,
            Instant now) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            throw new ForbiddenException("The signature's timestamp is not a number of seconds.");
        }
        String expected = sign(secret, timestamp.strip(), method, url, body);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw new ForbiddenException("The signature does not match.");
        }
        if (Math.abs(now.getEpochSecond() - seconds) > WINDOW.toSeconds()) {
            throw new ForbiddenException("The signed request is too old, or from the future.");
        }
    }
}
