package io.bedside.notification.sms;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An inbound text as the gateway posts it, form-encoded in the style of the common SMS APIs:
 * {@code From}, {@code To}, {@code Body}, {@code MessageSid}, {@code NumMedia}, and for each file
 * {@code MediaUrl<n>} and {@code MediaContentType<n>}. Holds PHI: never log it.
 */
record InboundForm(String from, String to, String body, String messageSid, List<Media> media) {

    static final int MAX_MEDIA = 5;

    record Media(String url, String contentType) {
    }

    static InboundForm parse(byte[] raw) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : new String(raw, StandardCharsets.UTF_8).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.putIfAbsent(name, value);
        }
        List<Media> media = new ArrayList<>();
        for (int i = 0; i < MAX_MEDIA + 1 && fields.containsKey("MediaUrl" + i); i++) {
            media.add(new Media(fields.get("MediaUrl" + i), fields.get("MediaContentType" + i)));
        }
        return new InboundForm(fields.get("From"), fields.get("To"), fields.getOrDefault("Body", ""),
                fields.get("MessageSid"), media);
    }

    @Override
    public String toString() {
        return "InboundForm[" + messageSid + ", media=" + media.size() + "]";
    }
}
