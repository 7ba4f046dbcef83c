package io.bedside.messaging.internal;

import java.util.UUID;

/** The care team a conversation is with. */
public record CareTeamRef(UUID id, String name) {
}
