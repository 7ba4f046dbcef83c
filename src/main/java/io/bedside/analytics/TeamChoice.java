package io.bedside.analytics;

import io.bedside.shared.CareTeamId;

/** A care team the reader may see figures of. */
public record TeamChoice(CareTeamId id, String name) {
}
