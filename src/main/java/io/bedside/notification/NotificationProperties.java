package io.bedside.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param delivery      {@code dev} keeps notices in the dev mailbox (demo mode's default), {@code live} sends them
 * @param delay         how long a notice of a new message waits, so a burst gives one and a message read at once none
 * @param maxAttempts   tries before a notice is marked failed and shown to the practice's admins
 * @param lease         how long a claimed notice may stay unsent before another dispatcher takes it over
 */
@ConfigurationProperties("bedside.notification")
public record NotificationProperties(
        @DefaultValue("") String delivery,
        @DefaultValue("2m") Duration delay,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("30s") Duration firstRetry,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("50") int batchSize,
        @DefaultValue Email email,
        @DefaultValue Sms sms) {

    public record Email(@DefaultValue("Bedside <no-reply@bedside.invalid>") String from) {
    }

    /** An HTTP SMS gateway: a form POST of To, From and Body, basic authentication with account and token. */
    public record Sms(@DefaultValue("") String url, @DefaultValue("") String account, @DefaultValue("") String token,
            @DefaultValue("Bedside") String from) {
        @Override
        public String toString() {
            return "Sms[" + url + "]";
        }
    }
}
