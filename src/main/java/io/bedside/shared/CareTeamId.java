package io.bedside.shared;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Identifies a care team across modules; other modules hold the id, never the object. */
public record CareTeamId(UUID value) implements TypedId, Serializable {

    public CareTeamId {
        Objects.requireNonNull(value, "value");
    }

    public static CareTeamId of(UUID value) {
        return new CareTeamId(value);
    }

    /** Parses an id from a path or body; a malformed one is answered like a missing one. */
    public static CareTeamId parse(String text) {
        return new CareTeamId(Ids.parse(text));
    }

    public static CareTeamId random() {
        return new CareTeamId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
