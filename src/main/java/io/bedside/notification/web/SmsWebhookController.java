package io.bedside.notification.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.bedside.notification.sms.InboundTexts;
import io.bedside.notification.sms.WebhookSignatures;
import io.bedside.shared.ContentTooLargeException;

/**
 * {@code POST /api/v1/sms/inbound}: the SMS gateway's webhook, no sign-in: the request is proven by
 * its signature ({@link WebhookSignatures}). Answers 200 as soon as the text is queued, or at once
 * for a message id already received; 401 unsigned, 403 forged or outside the time window, 409 the
 * same signed request again, 400 not an inbound text. The body is read raw, as it was signed.
 */
@RestController
class SmsWebhookController {

    static final String PATH = "/api/v1/sms/inbound";

    private final InboundTexts inbound;
    private final String url;

    SmsWebhookController(InboundTexts inbound, @Value("${bedside.base-url:http://localhost:8080}") String baseUrl) {
        this.inbound = inbound;
        this.url = (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + PATH;
    }

    @PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> receive(HttpServletRequest request,
            @RequestHeader(name = WebhookSignatures.SIGNATURE_HEADER, required = false) String signature,
            @RequestHeader(name = WebhookSignatures.TIMESTAMP_HEADER, required = false) String timestamp)
            {
        byte[] body = request.getAttribute(WebhookBodyFilter.RAW_BODY) instanceof byte[] raw ? raw : new byte[0];
        if (body.length > WebhookBodyFilter.MAX_BODY) {
            throw new ContentTooLargeException("body", "An inbound text is at most 64 KB.");
        }
        InboundTexts.Outcome outcome = inbound.receive(body, signature, timestamp, url);
        return Map.of("status", outcome == InboundTexts.Outcome.QUEUED ? "queued" : "duplicate");
    }
}
