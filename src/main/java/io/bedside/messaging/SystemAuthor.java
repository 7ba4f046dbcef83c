package io.bedside.messaging;

import java.util.UUID;

import io.bedside.shared.UserId;

/**
 * The practice's automatic voice as the author of a message: the after-hours reply, the emergency
 * guidance after an urgent word. Stored with this id; shown signed by the practice, as
 * "Riverside Family Medicine (automatic reply)" (fragments/author.html), never as "Bedside".
 * {@link #NAME} is only the fallback when the practice cannot be found.
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
