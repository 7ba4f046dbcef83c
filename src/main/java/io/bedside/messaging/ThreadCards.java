package io.bedside.messaging;

import java.util.List;

import io.bedside.shared.Actor;

/**
 * Cards another module shows in a conversation's thread, above the messages (scheduling's visit
 * request: what the care team asked for, its status, and where to answer it). Asked by the thread
 * page of a reader already allowed to see the conversation; messaging never depends on the modules
 * that implement it. Texts come in the reader's language, already made.
 */
public interface ThreadCards {

    /**
     * One card: a heading, a few lines, and an optional action link (a path within the app).
     *
     * @param kind a CSS-friendly code naming the card's kind (visit-request)
     */
    record Card(String kind, String heading, List<String> lines, String actionPath, String actionLabel) {

        public Card {
            lines = List.copyOf(lines);
        }

        @Override
        public String toString() {
            return "Card[" + kind + "]";
        }
    }

    /** The cards for this reader in this conversation, in the order to show them; none is fine. */
    List<Card> of(Actor reader, ConversationId conversation);
}
