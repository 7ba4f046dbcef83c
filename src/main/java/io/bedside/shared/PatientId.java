package io.bedside.shared;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Identifies a patient across modules; other modules hold the id, never the object. */
public record PatientId(UUID value) implements TypedId, Serializable {

    public PatientId {
        Objects.requireNonNull(value, "value");
    }

    public static PatientId of(UUID value) {
        return new PatientId(value);
    }

    /** Parses an id from a path or body; a malformed one is answered like a missing one. */
    public static PatientId parse(String text) {
        return new PatientId(Ids.parse(text));
    }

    public static PatientId random() {
        return new PatientId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
