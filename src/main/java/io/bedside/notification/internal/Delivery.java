package io.bedside.notification.internal;

import java.util.UUID;

import io.bedside.shared.PracticeId;

/**
 * Where notices go: out through SMTP and the SMS gateway, or, in demo mode, into the dev mailbox.
 * The notification's id travels with each one (Message-ID, Idempotency-Key) so a provider can
 * drop the duplicate a retry after a crash may make.
 */
interface Delivery {

    /** An email; {@code unsubscribeUrl} becomes its List-Unsubscribe header, none when null (staff notices). */
    void email(PracticeId practice, UUID notification, String to, String subject, String text, String unsubscribeUrl);

    void sms(PracticeId practice, UUID notification, String to, String text);

    /**
     * A Web Push notice to one device: {@code payload} (the title, the text and the link, as JSON)
     * encrypted for that browser. Says whether the push service took it, or that the device is gone.
     */
    WebPush.Answer push(PracticeId practice, UUID notification, PushDevices.Target device, String payload, boolean urgent);
}
