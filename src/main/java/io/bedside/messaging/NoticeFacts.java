package io.bedside.messaging;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.bedside.messaging.internal.SystemAccess;
import io.bedside.shared.PracticeId;
import io.bedside.shared.UserId;

/**
 * What notices need to know about a conversation, and nothing more: which members of staff it names
 * and whether a message is still unread. Neither answer holds patient data (ids and a yes or no), so
 * reading them writes no audit row; anything that reads a conversation's content goes through the
 * audited doors instead ({@code messaging.system.SystemConversations} for Bedside itself).
 */
@Service
public class NoticeFacts {

    /** Who on the staff side a conversation names: the provider the patient chose, the assignee. */
    public record StaffNamed(UserId providerId, UserId assigneeId) {
    }

    private final SystemAccess access;

    NoticeFacts(SystemAccess access) {
        this.access = access;
    }

    /** The members of staff the conversation names; empty if it does not exist. */
    public Optional<StaffNamed> staffNamed(PracticeId practice, ConversationId id) {
        return access.find(practice, id).map(row -> new StaffNamed(row.providerId(), row.assigneeId()));
    }

    /**
     * Whether the conversation is kept from the patient's proxies (an adolescent's own question):
     * then only the patient's own account hears of it. A conversation not found counts as
     * confidential, so a doubt never reaches a parent.
     */
    public boolean confidential(PracticeId practice, ConversationId id) {
        return access.find(practice, id).map(row -> row.confidential()).orElse(true);
    }

    /**
     * Whether {@code reader} has not yet read a message of one of these conversations written at
     * or after {@code since} by the other side (by the patient when {@code byPatient}, else by the
     * care team; never an internal note, never Bedside's own): a notice about it is still worth sending.
     */
    public boolean hasUnreadSince(PracticeId practice, UserId reader, Collection<ConversationId> among,
            boolean byPatient, Instant since) {
        return access.hasUnreadSince(practice, reader, among, byPatient, since);
    }
}
