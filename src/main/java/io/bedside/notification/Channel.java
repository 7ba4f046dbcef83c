package io.bedside.notification;

import java.util.Locale;

import io.bedside.shared.InvalidRequestException;

/**
 * How someone hears of a new message: by email, by text message, or not at all; and besides that
 * on each device they asked to be told on ({@link #PUSH}: Web Push, chosen per device, never a
 * person's one choice).
 */
public enum Channel {
    EMAIL, SMS, NONE, PUSH;

    /** The channels a person chooses from (push is chosen per device, beside them). */
    public static Channel[] choices() {
        return new Channel[] {EMAIL, SMS, NONE};
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Channel fromCode(String code) {
        try {
            Channel channel = valueOf(code.trim().toUpperCase(Locale.ROOT));
            if (channel == PUSH) {
                throw new IllegalArgumentException("push is chosen per device");
            }
            return channel;
        } catch (RuntimeException e) {
            throw new InvalidRequestException("channel", "channel must be one of: email, sms, none.");
        }
    }
}
