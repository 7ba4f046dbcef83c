package io.bedside.messaging.internal;

/** What a conversation is about. */
public enum ConversationKind {
    QUESTION, REFILL, REFERRAL, APPOINTMENT, BILLING, CAMPAIGN;

    public String code() {
        return Codes.of(this);
    }

    public static ConversationKind fromCode(String code) {
        return Codes.parse(ConversationKind.class, "kind", code);
    }
}
