package io.bedside.shared;

import java.util.UUID;

/**
 * An id record of one kind of thing ({@link PatientId}, a conversation's id, a campaign's id...).
 * Every implementation is a record of one {@link UUID} with a {@code public static X parse(String)}
 * that answers a malformed id with {@link NotFoundException} (see {@link Ids#parse}); that is what
 * lets a controller take {@code @PathVariable ConversationId id} through one converter
 * ({@code io.bedside.web.PathIds}) instead of parsing strings by hand.
 */
public interface TypedId {

    UUID value();
}
