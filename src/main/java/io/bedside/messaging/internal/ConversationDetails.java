package io.bedside.messaging.internal;

import java.util.List;

/** One conversation with everybody taking part and how far each has read. */
public record ConversationDetails(ConversationView conversation, List<ReadReceipt> participants) {

    public ConversationDetails {
        participants = List.copyOf(participants);
    }
}
