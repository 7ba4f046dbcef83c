package io.bedside.notification;

import java.time.Instant;
import java.util.UUID;

/** A notice that could not be delivered, as its practice's admins see it: no address, no text. */
public record FailedNotice(UUID id, String kind, int attempts, String reason, Instant createdAt) {
}
