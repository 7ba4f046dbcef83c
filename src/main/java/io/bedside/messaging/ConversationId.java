package io.bedside.messaging;

import java.util.Objects;
import java.util.UUID;

import io.bedside.shared.Ids;
import io.bedside.shared.TypedId;

public record ConversationId(UUID value) implements TypedId {

    public ConversationId {
        Objects.requireNonNull(value, "value");
    }

    public static ConversationId of(UUID value) {
        return new ConversationId(value);
    }

    /** A malformed id names nothing: answered as not found. */
    public static ConversationId parse(String text) {
        return new ConversationId(Ids.parse(text));
    }

    public static ConversationId random() {
        return new ConversationId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
