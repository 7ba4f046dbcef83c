package io.bedside.messaging.internal;

import java.util.List;

/** One page of conversations, newest activity first; {@code nextCursor} is null on the last page. */
public record ConversationPage(List<ConversationView> items, String nextCursor) {

    public ConversationPage {
        items = List.copyOf(items);
    }
}
