package io.bedside.notification.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.bedside.notification.NotificationPreference;
import io.bedside.notification.NotificationPreferences;
import io.bedside.shared.Actor;
import io.bedside.shared.InvalidRequestException;

/**
 * {@code GET/PUT /api/v1/me/notification-preferences}: the reader's channel, quiet hours and time
 * zone; for staff also {@code staffMessages} ({@code all}, {@code mine} or {@code none}: which new
 * patient messages they hear of) and {@code phone} (where their text notices go). Both are absent
 * from a patient's document, and a patient who sends either gets a 400; left out of a PUT, they
 * stay as they were.
 */
@RestController
class NotificationPreferenceController {

    record QuietHours(String start, String end) {
    }

    record PreferenceJson(String channel, QuietHours quietHours, String timeZone, String staffMessages, String phone) {
        static PreferenceJson of(NotificationPreference p) {
            return new PreferenceJson(p.channel().code(), p.hasQuietHours()
                    ? new QuietHours(p.quietStart().toString(), p.quietEnd().toString()) : null, p.timeZone().getId(),
                    p.staffMessages() == null ? null : p.staffMessages().code(), p.phone());
        }
    }

    private final NotificationPreferences preferences;

    NotificationPreferenceController(NotificationPreferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping("/api/v1/me/notification-preferences")
    PreferenceJson get(@AuthenticationPrincipal Actor actor) {
        return PreferenceJson.of(preferences.get(actor));
    }

    @PutMapping("/api/v1/me/notification-preferences")
    PreferenceJson put(@AuthenticationPrincipal Actor actor, @RequestBody PreferenceJson body) {
        if (body == null || body.channel() == null) {
            throw new InvalidRequestException("channel", "channel is required: email, sms or none.");
        }
        QuietHours quiet = body.quietHours();
        return PreferenceJson.of(preferences.update(actor, body.channel(), quiet == null ? null : quiet.start(),
                quiet == null ? null : quiet.end(), body.timeZone(), body.staffMessages(), body.phone()));
    }
}
