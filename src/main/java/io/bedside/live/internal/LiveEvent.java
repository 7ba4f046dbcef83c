package io.bedside.live.internal;

import java.util.UUID;

/** One event of one user's log: its per-user id, its type and its data (JSON of ids). */
record LiveEvent(UUID userId, long eventId, String type, String data) {
}
