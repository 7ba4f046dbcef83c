package io.bedside.messaging.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import io.bedside.shared.InvalidRequestException;

/** Lower-case API codes for the messaging enums, parsed with a 400 naming the field. */
public final class Codes {

    private Codes() {
    }

    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String field, String code) {
        try {
            return Enum.valueOf(type, code.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Codes::of).collect(Collectors.joining(", "));
            throw new InvalidRequestException(field, field + " must be one of: " + allowed + ".");
        }
    }
}
