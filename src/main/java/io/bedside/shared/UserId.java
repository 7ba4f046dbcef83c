package io.bedside.shared;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Identifies a user across modules; other modules hold the id, never the object. */
public record UserId(UUID value) implements TypedId, Serializable {

    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId of(UUID value) {
        return new UserId(value);
    }

    /** Parses an id from a path or body; a malformed one is answered like a missing one. */
    public static UserId parse(String text) {
        return new UserId(Ids.parse(text));
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
