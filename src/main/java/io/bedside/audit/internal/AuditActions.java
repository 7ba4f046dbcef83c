package io.bedside.audit.internal;

import java.util.Map;

/** Plain words for each action, for people reading an access report. */
final class AuditActions {

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("conversation.created", "started a conversation"),
            Map.entry("conversation.viewed", "opened a conversation"),
            Map.entry("conversations.listed", "looked at the list of conversations"),
            Map.entry("messages.read", "read the messages of a conversation"),
            Map.entry("message.sent", "sent a message"),
            Map.entry("note.added", "added an internal note"),
            Map.entry("read.marked", "marked messages as read"),
            Map.entry("audit.viewed", "looked at the access report"));

    private AuditActions() {
    }

    static String describe(String action, boolean allowed) {
        String words = DESCRIPTIONS.getOrDefault(action, action);
        return allowed ? words : "tried, and was refused: " + words;
    }
}
