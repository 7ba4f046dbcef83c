package io.bedside.shared;

import java.util.UUID;

/** Parsing of the UUIDs that every id is made of. */
public final class Ids {

    private Ids() {
    }

    /**
     * Parses a UUID. A malformed id names nothing that exists, so it is answered as not found,
     * exactly like a well-formed id of something the caller may not see.
     */
    public static UUID parse(String text) {
        if (text == null || text.length() != 36) {
            throw new NotFoundException();
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }

    /**
     * Parses an id a request body names in a field: a malformed one is a 400 naming the field,
     * since the caller sent it and can correct it.
     */
    public static UUID parseField(String field, String text) {
        try {
            if (text.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, field + " is not a valid id.");
        }
    }
}
