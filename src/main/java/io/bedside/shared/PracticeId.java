package io.bedside.shared;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Identifies a practice across modules; other modules hold the id, never the object. */
public record PracticeId(UUID value) implements TypedId, Serializable {

    public PracticeId {
        Objects.requireNonNull(value, "value");
    }

    public static PracticeId of(UUID value) {
        return new PracticeId(value);
    }

    /** Parses an id from a path or body; a malformed one is answered like a missing one. */
    public static PracticeId parse(String text) {
        return new PracticeId(Ids.parse(text));
    }

    public static PracticeId random() {
        return new PracticeId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
