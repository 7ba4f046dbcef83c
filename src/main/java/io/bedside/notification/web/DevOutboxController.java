package io.bedside.notification.web;

import java.time.Instant;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.bedside.notification.internal.DevMailbox;
import io.bedside.shared.Actor;
import io.bedside.shared.NotFoundException;

/**
 * {@code GET /api/v1/dev/outbox}: in demo mode, the notices that would have been sent, to a
 * signed-in caller and only those they may read (they hold one-time links). Outside demo mode it
 * does not exist (404).
 */
@RestController
class DevOutboxController {

    record ItemJson(String channel, String to, String subject, String text, Instant createdAt) {
    }

    record Items(List<ItemJson> items) {
    }

    private final DevMailbox mailbox;
    private final boolean demo;

    DevOutboxController(DevMailbox mailbox, @Value("${bedside.demo:false}") boolean demo) {
        this.mailbox = mailbox;
        this.demo = demo;
    }

    /** Signed in only: a patient gets the notices sent to them, staff their practice's. */
    @GetMapping("/api/v1/dev/outbox")
    Items outbox(@AuthenticationPrincipal Actor actor) {
        if (!demo) {
            throw new NotFoundException();
        }
        return new Items(mailbox.latestFor(actor, 200).stream()
                .map(i -> new ItemJson(i.channel(), i.to(), i.subject(), i.text(), i.createdAt())).toList());
    }
}
