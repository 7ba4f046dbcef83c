package io.bedside.messaging.internal;

import io.bedside.shared.CareTeamId;

/**
 * Which part of the shared inbox to show.
 *
 * @param team   one of the reader's teams, or null for all of them
 * @param kind   only conversations of this kind, or null for every kind
 * @param cursor where the previous page ended, or null for the first page
 */
public record InboxQuery(CareTeamId team, InboxFilter filter, ConversationKind kind, String cursor, int limit) {

    public InboxQuery {
        filter = filter == null ? InboxFilter.OPEN : filter;
    }
}
