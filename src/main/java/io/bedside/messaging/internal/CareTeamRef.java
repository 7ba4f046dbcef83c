package io.bedside.messaging.internal;

import io.bedside.shared.CareTeamId;

/** The care team a conversation is with. */
public record CareTeamRef(CareTeamId id, String name) {
}
