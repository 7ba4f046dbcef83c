package io.bedside.messaging.internal;

import java.time.Instant;
import java.util.Map;

import io.bedside.messaging.ConversationId;
import io.bedside.messaging.ConversationStatus;
import io.bedside.messaging.Priority;

/** A conversation as one caller sees it, with that caller's unread count. Holds PHI (the subject). */
public record ConversationView(ConversationId id, String subject, ConversationKind kind, ConversationStatus status,
        Priority priority, CareTeamRef careTeam, Person patient, Person provider, Person assignee, long lastSeq,
        Instant lastActivityAt, Instant createdAt, long unreadCount, Map<String, String> details,
        boolean confidential) {

    @Override
    public String toString() {
        return "ConversationView[" + id + "]";
    }
}
