package io.bedside.messaging;

import java.util.UUID;

import io.bedside.shared.UserId;

/**
 * Bedside itself as the author of a message: the after-hours reply, the emergency guidance after
 * an urgent word. Stored with author kind SYSTEM and this id; shown as "Bedside".
 */
public final class SystemAuthor {

    public static final UserId ID = UserId.of(new UUID(0L, 0L));
    public static final String NAME = "Bedside";

    private SystemAuthor() {
    }

    public static boolean is(UserId author) {
        return ID.equals(author);
    }
}
