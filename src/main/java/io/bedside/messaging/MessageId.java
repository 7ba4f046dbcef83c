package io.bedside.messaging;

import java.util.Objects;
import java.util.UUID;

import io.bedside.shared.Ids;
import io.bedside.shared.TypedId;

public record MessageId(UUID value) implements TypedId {

    public MessageId {
        Objects.requireNonNull(value, "value");
    }

    public static MessageId of(UUID value) {
        return new MessageId(value);
    }

    /** A malformed id names nothing: answered as not found. */
    public static MessageId parse(String text) {
        return new MessageId(Ids.parse(text));
    }

    public static MessageId random() {
        return new MessageId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
