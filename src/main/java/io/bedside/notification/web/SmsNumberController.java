package io.bedside.notification.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.bedside.notification.sms.SmsNumbers;
import io.bedside.shared.Actor;
import io.bedside.shared.InvalidRequestException;

/**
 * {@code GET/PUT /api/v1/practice/sms}: practice admins connect the practice's SMS number
 * ({@code phone}, E.164; empty disconnects it) and choose whether replies may go out in full by text
 * ({@code fullText}, off by default). The gateway's webhook secret is made by Bedside and appears
 * once, in the answer that made it ({@code secret}: when the number is first connected, or with
 * {@code newSecret: true}); {@code webhookUrl} is where the gateway posts. Other staff 403, patients 404.
 */
@RestController
class SmsNumberController {

    record SmsNumberJson(String phone, Boolean fullText, Boolean newSecret) {
        @Override
        public String toString() {
            return "SmsNumberJson[]";
        }
    }

    record SettingsJson(boolean connected, String phone, boolean fullText, String webhookUrl, String secret) {
        @Override
        public String toString() {
            return "SettingsJson[" + connected + "]";
        }
    }

    private final SmsNumbers numbers;
    private final String webhookUrl;

    SmsNumberController(SmsNumbers numbers, @Value("${bedside.base-url:http://localhost:8080}") String baseUrl) {
        this.numbers = numbers;
        this.webhookUrl = (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl)
                + SmsWebhookController.PATH;
    }

    @GetMapping("/api/v1/practice/sms")
    SettingsJson get(@AuthenticationPrincipal Actor actor) {
        SmsNumbers.Settings s = numbers.settings(actor);
        return new SettingsJson(s.connected(), s.phone(), s.fullText(), webhookUrl, null);
    }

    @PutMapping(path = "/api/v1/practice/sms", consumes = "application/json")
    SettingsJson put(@AuthenticationPrincipal Actor actor, @RequestBody SmsNumberJson body) {
        if (body == null) {
            throw new InvalidRequestException("phone", "phone is required (empty to disconnect the number).");
        }
        SmsNumbers.Saved saved = numbers.save(actor, body.phone(), body.fullText(), Boolean.TRUE.equals(body.newSecret()));
        return new SettingsJson(saved.settings().connected(), saved.settings().phone(), saved.settings().fullText(),
                webhookUrl, saved.secret());
    }
}
