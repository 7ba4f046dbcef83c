package io.bedside.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import io.bedside.shared.Actor;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;

/** Demo mode's delivery: what would have been sent is kept in {@code dev_outbox}, and nothing leaves. */
@Service
public class DevMailbox implements Delivery {

    public record Item(String channel, String to, String subject, String text, Instant createdAt) {
        @Override
        public String toString() {
            return "Item[" + channel + "]";
        }
    }

    private final DevOutboxRows rows;
    private final Clock clock;

    DevMailbox(DevOutboxRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    @Override
    public void email(PracticeId practice, UUID notification, String to, String subject, String text,
            String unsubscribeUrl) {
        keep(practice, notification, "email", to, subject, text);
    }

    @Override
    public void sms(PracticeId practice, UUID notification, String to, String text) {
        keep(practice, notification, "sms", to, null, text);
    }

    /** Demo mode keeps a push too, as the device's label: nothing leaves. */
    @Override
    public WebPush.Answer push(PracticeId practice, UUID notification, PushDevices.Target device, String payload,
            boolean urgent) {
        keep(practice, notification, "push", "device " + device.id(), null, payload);
        return new WebPush.Answer(WebPush.Result.DELIVERED, 201);
    }

    private void keep(PracticeId practice, UUID notification, String channel, String to, String subject, String text) {
        rows.insert(practice, notification, channel, to, subject, text, Timestamps.now(clock));
    }

    /**
     * The newest notices the caller may read: a patient's own (those to their account), or a
     * member of staff's practice's. The mailbox holds one-time links, so never anyone else's.
     */
    public List<Item> latestFor(Actor reader, int limit) {
        return rows.latestFor(reader, limit);
    }
}
