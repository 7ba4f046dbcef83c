package io.bedside.workflow;

import java.util.Objects;
import java.util.UUID;

import io.bedside.shared.Ids;
import io.bedside.shared.TypedId;

/** The id of a quick-reply template. */
public record TemplateId(UUID value) implements TypedId {

    public TemplateId {
        Objects.requireNonNull(value, "value");
    }

    public static TemplateId of(UUID value) {
        return new TemplateId(value);
    }

    /** A malformed id names nothing: answered as not found. */
    public static TemplateId parse(String text) {
        return new TemplateId(Ids.parse(text));
    }

    public static TemplateId random() {
        return new TemplateId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
