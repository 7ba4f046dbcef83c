package io.bedside.messaging.internal;

import java.util.List;
import java.util.Map;

/**
 * One page of a care team's inbox, most urgent first and then longest waiting first (closed ones
 * newest first), with how many conversations each view holds.
 */
public record InboxPage(List<ConversationView> items, String nextCursor, Map<InboxFilter, Long> counts) {

    public InboxPage {
        items = List.copyOf(items);
        counts = Map.copyOf(counts);
    }

    public long count(InboxFilter filter) {
        return counts.getOrDefault(filter, 0L);
    }
}
