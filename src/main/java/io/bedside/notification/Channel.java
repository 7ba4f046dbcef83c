package io.bedside.notification;

import java.util.Locale;

import io.bedside.shared.InvalidRequestException;

/** How someone hears of a new message: by email, by text message, or not at all. */
public enum Channel {
    EMAIL, SMS, NONE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Channel fromCode(String code) {
        try {
            return valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new InvalidRequestException("channel", "channel must be one of: email, sms, none.");
        }
    }
}
