package io.bedside.scheduling;

import java.util.Objects;
import java.util.UUID;

import io.bedside.shared.Ids;
import io.bedside.shared.TypedId;

/** A visit request's id. */
public record VisitRequestId(UUID value) implements TypedId {

    public VisitRequestId {
        Objects.requireNonNull(value, "value");
    }

    public static VisitRequestId of(UUID value) {
        return new VisitRequestId(value);
    }

    /** A malformed id names nothing: answered as not found. */
    public static VisitRequestId parse(String text) {
        return new VisitRequestId(Ids.parse(text));
    }

    public static VisitRequestId random() {
        return new VisitRequestId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
