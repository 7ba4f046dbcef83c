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
        boolean confidential, Instant snoozedUntil, ConversationId mergedInto, boolean markedUnread) {

    public ConversationView(ConversationId id, String subject, ConversationKind kind, ConversationStatus status,
            Priority priority, CareTeamRef careTeam, Person patient, Person provider, Person assignee, long lastSeq,
            Instant lastActivityAt, Instant createdAt, long unreadCount, Map<String, String> details,
            boolean confidential) {
        this(id, subject, kind, status, priority, careTeam, patient, provider, assignee, lastSeq, lastActivityAt,
                createdAt, unreadCount, details, confidential, null, null, false);
    }

    /** Whether the inbox shows it as unread: new messages, or the reader marked it unread. */
    public boolean showsUnread() {
        return unreadCount > 0 || markedUnread;
    }

    @Override
    public String toString() {
        return "ConversationView[" + id + "]";
    }
}
