package io.bedside.notification.web;

import java.time.Instant;
import java.util.Locale;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.bedside.notification.sms.TextConsent;
import io.bedside.shared.Actor;
import io.bedside.shared.InvalidRequestException;

/**
 * {@code GET/PUT /api/v1/me/text-consent}: a patient's agreement to texting the practice
 * ({@code texting}) and to receiving health information by text ({@code healthInformation}), with
 * when and the words agreed to; {@code wording} gives the words a PUT agrees to now, in the
 * language asked for ({@code Accept-Language}). Only a patient's own account: others 404.
 */
@RestController
class TextConsentController {

    record ConsentJson(Boolean texting, Boolean healthInformation) {
    }

    record Wording(String version, String texting, String healthInformation) {
    }

    record StateJson(boolean texting, Instant textingAt, String textingWords, boolean healthInformation,
            Instant healthInformationAt, String healthInformationWords, boolean stopped, Wording wording) {
        @Override
        public String toString() {
            return "StateJson[" + texting + ", " + healthInformation + "]";
        }
    }

    private final TextConsent consent;

    TextConsentController(TextConsent consent) {
        this.consent = consent;
    }

    @GetMapping("/api/v1/me/text-consent")
    StateJson get(@AuthenticationPrincipal Actor actor, Locale locale) {
        return json(consent.state(actor), locale);
    }

    @PutMapping(path = "/api/v1/me/text-consent", consumes = "application/json")
    StateJson put(@AuthenticationPrincipal Actor actor, @RequestBody ConsentJson body, Locale locale) {
        if (body == null || body.texting() == null) {
            throw new InvalidRequestException("texting", "texting is required: true or false.");
        }
        return json(consent.agree(actor, body.texting(), Boolean.TRUE.equals(body.healthInformation()), locale), locale);
    }

    private StateJson json(TextConsent.State s, Locale locale) {
        return new StateJson(s.texting(), s.textingAt(), s.textingWords(), s.healthInformation(), s.healthAt(),
                s.healthWords(), s.stopped(), new Wording(TextConsent.VERSION, consent.textingWords(locale),
                        consent.healthWords(locale)));
    }
}
