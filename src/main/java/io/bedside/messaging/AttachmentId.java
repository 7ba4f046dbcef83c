package io.bedside.messaging;

import java.util.Objects;
import java.util.UUID;

import io.bedside.shared.Ids;
import io.bedside.shared.TypedId;

/** A photo or PDF attached to a message. */
public record AttachmentId(UUID value) implements TypedId {

    public AttachmentId {
        Objects.requireNonNull(value, "value");
    }

    public static AttachmentId of(UUID value) {
        return new AttachmentId(value);
    }

    /** A malformed id names nothing: answered as not found. */
    public static AttachmentId parse(String text) {
        return new AttachmentId(Ids.parse(text));
    }

    public static AttachmentId random() {
        return new AttachmentId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
