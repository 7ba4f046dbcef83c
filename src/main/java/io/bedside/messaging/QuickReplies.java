package io.bedside.messaging;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.bedside.shared.Actor;

/**
 * Quick-reply templates a member of staff may insert into a reply: the practice's and their own.
 * Messaging asks through this interface; the module that keeps the templates provides it, so
 * messaging never depends on it.
 */
public interface QuickReplies {

    /** A template as stored, placeholders not yet filled in. */
    record QuickReply(UUID id, String name, String body, boolean practiceWide) {
    }

    List<QuickReply> availableTo(Actor staff);

    Optional<QuickReply> find(Actor staff, UUID id);
}
